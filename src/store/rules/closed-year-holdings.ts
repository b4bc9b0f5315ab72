import type { Kysely } from 'kysely';
import type { Entry } from '../../core/plan.ts';
import type { DB } from '../schema.ts';
import { CLOSED_YEAR_STATUSES } from './assert-years-writable.ts';

export type ClosedStatus = 'locked' | 'published';

/** A stored row that holds data of closed years, with what names it to a person. */
export interface Holding {
  id: number;
  /** The closed years whose data it holds (its own or its children's), ascending. */
  years: number[];
}

export interface HeldProject extends Holding {
  no: string;
  name: string;
}

export interface HeldActivity extends Holding {
  projectId: number;
  /** Its index among the project's activities, as a save matches them (position order). */
  index: number;
  title: string;
  /** Its words as stored: what the closed years published with its entries. */
  text: string;
}

export interface HeldEntry extends Holding {
  activityId: number;
  /** Its index among the activity's entries, as a save matches them. */
  index: number;
  /** What it says, as stored: what an import must either leave out or repeat unchanged. */
  entry: Entry;
}

export interface HeldNode extends Holding {
  /** Its path of titles from the root, as a save matches nodes. */
  path: string[];
}

/** What of a plan belongs to its locked and published years: what a save may not delete. */
export interface ClosedYearHoldings {
  statuses: Map<number, ClosedStatus>;
  projects: HeldProject[];
  activities: HeldActivity[];
  entries: HeldEntry[];
  nodes: HeldNode[];
}

type Scope = { municipalityCode: string; planId: number };

/** Tables whose rows are a project's data of one fiscal year (deleted with the project). */
const PROJECT_YEAR_TABLES = [
  'project_finances',
  'project_finance_details',
  'project_years',
  'evaluations',
  'evaluation_comments',
] as const;

/**
 * Reads the plan's rows holding data of its locked or published years: projects (figures,
 * breakdowns, statuses, evaluations, KPI values, activity results), activities and entries
 * (results of those years) and nodes (their KPIs' values). Undefined when no year is closed,
 * the common case, after one query.
 */
export async function readClosedYearHoldings(
  trx: Kysely<DB>,
  scope: Scope,
): Promise<ClosedYearHoldings | undefined> {
  const statuses = await closedStatuses(trx, scope);
  if (statuses.size === 0) return undefined;
  const years = [...statuses.keys()];
  const code = scope.municipalityCode;
  const planProjects = trx
    .selectFrom('projects')
    .select('id')
    .where('plan_id', '=', scope.planId)
    .where('municipality_code', '=', code);
  const byProject = new YearsById();
  for (const table of PROJECT_YEAR_TABLES) {
    // The five tables share these columns; one table's type stands for all of them.
    const rows = await trx
      .selectFrom(table as 'project_finances')
      .select(['project_id', 'fiscal_year'])
      .distinct()
      .where('municipality_code', '=', code)
      .where('fiscal_year', 'in', years)
      .where('project_id', 'in', planProjects)
      .execute();
    for (const r of rows) byProject.add(r.project_id, r.fiscal_year);
  }
  const kpiYears = await readKpiYears(trx, scope, years);
  const byNode = new YearsById();
  for (const k of kpiYears) {
    if (k.project_id !== null) byProject.add(k.project_id, k.fiscal_year);
    else if (k.node_id !== null) byNode.add(k.node_id, k.fiscal_year);
  }
  const { activities, entries } = await readHeldActivities(trx, scope, years);
  for (const a of activities) for (const y of a.years) byProject.add(a.projectId, y);
  return {
    statuses,
    projects: await readProjects(trx, scope, byProject),
    activities,
    entries,
    nodes: await readNodes(trx, scope, byNode),
  };
}

/** Closed years of one item each, gathered from several tables. */
class YearsById {
  readonly years = new Map<number, Set<number>>();
  add(id: number, year: number): void {
    const set = this.years.get(id) ?? new Set<number>();
    set.add(year);
    this.years.set(id, set);
  }
  of(id: number): number[] {
    return [...(this.years.get(id) ?? [])].sort((a, b) => a - b);
  }
}

async function closedStatuses(trx: Kysely<DB>, scope: Scope): Promise<Map<number, ClosedStatus>> {
  const rows = await trx
    .selectFrom('plan_years')
    .select(['fiscal_year', 'status'])
    .where('plan_id', '=', scope.planId)
    .where('municipality_code', '=', scope.municipalityCode)
    .where('status', 'in', [...CLOSED_YEAR_STATUSES])
    .execute();
  return new Map(rows.map((r) => [r.fiscal_year, r.status as ClosedStatus]));
}

/** Years of closed-year KPI targets and actuals, with the project or node the KPI belongs to. */
async function readKpiYears(trx: Kysely<DB>, scope: Scope, years: number[]) {
  const of = (table: 'kpi_actuals' | 'kpi_year_targets') =>
    trx
      .selectFrom(table)
      .innerJoin('kpis', 'kpis.id', `${table}.kpi_id`)
      .select(['kpis.project_id', 'kpis.node_id', `${table}.fiscal_year`])
      .distinct()
      .where('kpis.plan_id', '=', scope.planId)
      .where('kpis.municipality_code', '=', scope.municipalityCode)
      .where(`${table}.fiscal_year`, 'in', years)
      .execute();
  return [...(await of('kpi_actuals')), ...(await of('kpi_year_targets'))];
}

/** Activities with entries of closed years, and those entries, each with its save index. */
async function readHeldActivities(trx: Kysely<DB>, scope: Scope, years: number[]) {
  const code = scope.municipalityCode;
  const heldActivityIds = trx
    .selectFrom('activity_entries')
    .innerJoin('activities', 'activities.id', 'activity_entries.activity_id')
    .innerJoin('projects', 'projects.id', 'activities.project_id')
    .select('activity_entries.activity_id')
    .where('projects.plan_id', '=', scope.planId)
    .where('activity_entries.municipality_code', '=', code)
    .where('activity_entries.fiscal_year', 'in', years);
  const entryRows = await trx
    .selectFrom('activity_entries')
    .select(['id', 'activity_id', 'fiscal_year', 'kind', 'year_label', 'text', 'kpi'])
    .where('municipality_code', '=', code)
    .where('activity_id', 'in', heldActivityIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
  // Every activity of a held activity's project: its index counts the ones before it.
  const activityRows = await trx
    .selectFrom('activities')
    .select(['id', 'project_id', 'title', 'text'])
    .where('municipality_code', '=', code)
    .where(
      'project_id',
      'in',
      trx.selectFrom('activities').select('project_id').where('id', 'in', heldActivityIds),
    )
    .orderBy('position')
    .orderBy('id')
    .execute();
  const entries: HeldEntry[] = [];
  const byActivity = new YearsById();
  const entryCount = new Map<number, number>();
  for (const e of entryRows) {
    const index = entryCount.get(e.activity_id) ?? 0;
    entryCount.set(e.activity_id, index + 1);
    if (e.fiscal_year === null || !years.includes(e.fiscal_year)) continue;
    byActivity.add(e.activity_id, e.fiscal_year);
    const entry = {
      kind: e.kind as Entry['kind'],
      fiscalYear: e.fiscal_year,
      yearLabel: e.year_label,
      text: e.text,
      kpi: e.kpi === 1,
    };
    entries.push({ id: e.id, activityId: e.activity_id, index, years: [e.fiscal_year], entry });
  }
  const activities: HeldActivity[] = [];
  const activityCount = new Map<number, number>();
  for (const a of activityRows) {
    const index = activityCount.get(a.project_id) ?? 0;
    activityCount.set(a.project_id, index + 1);
    const held = byActivity.of(a.id);
    if (held.length === 0) continue;
    const { id, title, text } = a;
    activities.push({ id, projectId: a.project_id, index, title, text, years: held });
  }
  return { activities, entries };
}

async function readProjects(
  trx: Kysely<DB>,
  scope: Scope,
  held: YearsById,
): Promise<HeldProject[]> {
  if (held.years.size === 0) return [];
  const rows = await trx
    .selectFrom('projects')
    .select(['id', 'no', 'name'])
    .where('plan_id', '=', scope.planId)
    .where('municipality_code', '=', scope.municipalityCode)
    .orderBy('position')
    .execute();
  return rows
    .filter((p) => held.years.has(p.id))
    .map((p) => ({ id: p.id, no: p.no, name: p.name, years: held.of(p.id) }));
}

async function readNodes(trx: Kysely<DB>, scope: Scope, held: YearsById): Promise<HeldNode[]> {
  if (held.years.size === 0) return [];
  const rows = await trx
    .selectFrom('plan_nodes')
    .select(['id', 'parent_id', 'title'])
    .where('plan_id', '=', scope.planId)
    .where('municipality_code', '=', scope.municipalityCode)
    .orderBy('depth')
    .orderBy('position')
    .execute();
  const paths = new Map<number, string[]>();
  for (const n of rows) {
    const parent = n.parent_id === null ? [] : (paths.get(n.parent_id) ?? []);
    paths.set(n.id, [...parent, n.title]);
  }
  return rows
    .filter((n) => held.years.has(n.id))
    .map((n) => ({ id: n.id, path: paths.get(n.id) ?? [n.title], years: held.of(n.id) }));
}
