import type { Kysely } from 'kysely';
import type { AmountUnit } from '../core/money.ts';
import type { Activity, Conventions, Entry, Plan, PlanNode, Project } from '../core/plan.ts';
import { readPlanFinanceDetails, withDetails, withTags } from './plans/plan-extras.ts';
import type { DB } from './schema.ts';

export interface PlanSummary {
  id: number;
  municipalityCode: string;
  municipalityName: string;
  title: string;
  kind: string;
  firstFiscalYear: number;
  lastFiscalYear: number;
  updatedAt: string;
}

/** The plans of one municipality, or of all when no code is given (operators, the CLI). */
export async function listPlans(db: Kysely<DB>, municipalityCode?: string): Promise<PlanSummary[]> {
  let q = db
    .selectFrom('plans')
    .innerJoin('municipalities', 'municipalities.code', 'plans.municipality_code')
    .select([
      'plans.id',
      'plans.municipality_code as municipalityCode',
      'municipalities.name as municipalityName',
      'plans.title',
      'plans.kind',
      'plans.first_fiscal_year as firstFiscalYear',
      'plans.last_fiscal_year as lastFiscalYear',
      'plans.updated_at as updatedAt',
    ])
    .orderBy('plans.municipality_code')
    .orderBy('plans.id');
  if (municipalityCode !== undefined) q = q.where('plans.municipality_code', '=', municipalityCode);
  return q.execute();
}

export async function findPlanId(
  db: Kysely<DB>,
  municipalityCode: string,
  title: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('plans')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('title', '=', title)
    .executeTakeFirst();
  return row?.id;
}

/** Store identity of a project, for pages and forms that link to it and save it. */
export interface ProjectRef {
  id: number;
  departmentId: number | null;
  version: number;
  /** Activity ids by position. */
  activityIds: number[];
}

export interface IndexedPlan {
  plan: Plan;
  projects: Map<Project, ProjectRef>;
  /** Each entry's stored id, by the entry object itself (it survives the public projection). */
  entryIds: Map<Entry, number>;
}

/** Reads a whole plan back into the model, every query bounded by the municipality. */
export async function loadPlan(
  db: Kysely<DB>,
  municipalityCode: string,
  planId: number,
): Promise<Plan | undefined> {
  return (await loadIndexedPlan(db, municipalityCode, planId))?.plan;
}

/** The plan and the ids of its projects. */
export async function loadIndexedPlan(
  db: Kysely<DB>,
  municipalityCode: string,
  planId: number,
): Promise<IndexedPlan | undefined> {
  const row = await db
    .selectFrom('plans')
    .innerJoin('municipalities', 'municipalities.code', 'plans.municipality_code')
    .selectAll('plans')
    .select('municipalities.name as municipality_name')
    .where('plans.id', '=', planId)
    .where('plans.municipality_code', '=', municipalityCode)
    .executeTakeFirst();
  if (!row) return undefined;
  const scope = { municipalityCode, planId };
  const [nodes, projects, finances, activities, entries, totals, details] = await Promise.all([
    db
      .selectFrom('plan_nodes')
      .selectAll()
      .where('plan_id', '=', scope.planId)
      .where('municipality_code', '=', scope.municipalityCode)
      .orderBy('depth')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('projects')
      .leftJoin('departments', 'departments.id', 'projects.department_id')
      .selectAll('projects')
      .select('departments.name as department')
      .where('projects.plan_id', '=', scope.planId)
      .where('projects.municipality_code', '=', scope.municipalityCode)
      .orderBy('projects.position')
      .execute(),
    db
      .selectFrom('project_finances')
      .innerJoin('projects', 'projects.id', 'project_finances.project_id')
      .selectAll('project_finances')
      .where('projects.plan_id', '=', scope.planId)
      .where('project_finances.municipality_code', '=', scope.municipalityCode)
      .orderBy('project_finances.fiscal_year')
      .execute(),
    db
      .selectFrom('activities')
      .innerJoin('projects', 'projects.id', 'activities.project_id')
      .selectAll('activities')
      .where('projects.plan_id', '=', scope.planId)
      .where('activities.municipality_code', '=', scope.municipalityCode)
      .orderBy('activities.project_id')
      .orderBy('activities.position')
      .execute(),
    db
      .selectFrom('activity_entries')
      .innerJoin('activities', 'activities.id', 'activity_entries.activity_id')
      .innerJoin('projects', 'projects.id', 'activities.project_id')
      .selectAll('activity_entries')
      .where('projects.plan_id', '=', scope.planId)
      .where('activity_entries.municipality_code', '=', scope.municipalityCode)
      .orderBy('activity_entries.activity_id')
      .orderBy('activity_entries.position')
      .execute(),
    db
      .selectFrom('stated_totals')
      .selectAll()
      .where('plan_id', '=', scope.planId)
      .where('municipality_code', '=', scope.municipalityCode)
      .orderBy('fiscal_year')
      .execute(),
    readPlanFinanceDetails(db, scope),
  ]);

  const activityById = new Map<
    number,
    { activity: Activity; projectId: number; position: number }
  >();
  const activitiesByProject = new Map<number, Activity[]>();
  for (const a of activities) {
    const activity: Activity = {
      title: a.title,
      text: a.text,
      source: a.source,
      relistOf: null,
      entries: [],
      ...(a.introduced_in === null ? {} : { introducedIn: a.introduced_in }),
    };
    activityById.set(a.id, { activity, projectId: a.project_id, position: a.position });
    const list = activitiesByProject.get(a.project_id) ?? [];
    list.push(activity);
    activitiesByProject.set(a.project_id, list);
  }
  const entryIds = new Map<Entry, number>();
  for (const e of entries) {
    const entry: Entry = {
      kind: e.kind === 'revision' ? 'revision' : 'result',
      fiscalYear: e.fiscal_year,
      yearLabel: e.year_label,
      text: e.text,
      kpi: e.kpi === 1,
    };
    entryIds.set(entry, e.id);
    activityById.get(e.activity_id)?.activity.entries.push(entry);
  }
  const projectNoById = new Map(projects.map((p) => [p.id, p.no]));
  for (const a of activities) {
    const target = a.relist_of_id === null ? undefined : activityById.get(a.relist_of_id);
    const self = activityById.get(a.id);
    if (target && self) {
      self.activity.relistOf = {
        projectNo: projectNoById.get(target.projectId) ?? '',
        position: target.position + 1,
      };
    }
  }

  const nodeById = new Map<number, PlanNode>();
  const roots: PlanNode[] = [];
  for (const n of nodes) {
    const node: PlanNode = { title: n.title, children: [], projects: [] };
    if (n.code !== null) node.code = n.code;
    nodeById.set(n.id, node);
    const parent = n.parent_id === null ? undefined : nodeById.get(n.parent_id);
    (parent ? parent.children : roots).push(node);
  }
  const refs = new Map<Project, ProjectRef>();
  for (const p of projects) {
    const project: Project = {
      no: p.no,
      name: p.name,
      notes: JSON.parse(p.notes) as string[],
      department: p.department,
      finances: finances
        .filter((f) => f.project_id === p.id)
        .map((f) => ({
          fiscalYear: f.fiscal_year,
          budget: f.budget,
          settlement: f.settlement,
          ...withDetails(details.get(`${p.id}:${f.fiscal_year}`)),
        })),
      activities: activitiesByProject.get(p.id) ?? [],
      ...withTags(JSON.parse(p.tags) as string[]),
    };
    nodeById.get(p.node_id)?.projects.push(project);
    refs.set(project, {
      id: p.id,
      departmentId: p.department_id,
      version: p.version,
      activityIds: activities.filter((a) => a.project_id === p.id).map((a) => a.id),
    });
  }
  const plan: Plan = {
    municipality: { code: row.municipality_code, name: row.municipality_name },
    plan: {
      title: row.title,
      kind: row.kind,
      firstFiscalYear: row.first_fiscal_year,
      lastFiscalYear: row.last_fiscal_year,
      levels: JSON.parse(row.levels) as string[],
    },
    amountUnit: row.amount_unit as AmountUnit,
    conventions: JSON.parse(row.conventions) as Conventions,
    nodes: roots,
    statedTotals: totals.map((t) => ({
      fiscalYear: t.fiscal_year,
      budget: t.budget,
      settlement: t.settlement,
    })),
  };
  return { plan, projects: refs, entryIds };
}
