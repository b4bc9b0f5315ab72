import type { Kysely } from 'kysely';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Plan, PlanNode } from '../core/plan.ts';
import { departmentStore } from './departments/department-store.ts';
import { municipalityStore } from './municipalities/municipality-store.ts';
import { newFinances } from './plans/new-finances.ts';
import { writeFinance } from './plans/project-finance.ts';
import { financeUnchanged, recordFinanceChanges } from './plans/record-finance-changes.ts';
import { sameValues } from './plans/same-values.ts';
import { saveActivities } from './plans/save-activities.ts';
import { readStoredActivities } from './plans/stored-activities.ts';
import { financeKey, readStoredFinances } from './plans/stored-finances.ts';
import { assertYearsWritable } from './rules/assert-years-writable.ts';
import type { DB } from './schema.ts';

export { saveActivities } from './plans/save-activities.ts';

export interface SavePlanOptions {
  /** Finances and stated totals are written for these fiscal years only; other years are kept. */
  fiscalYears: readonly FiscalYear[];
  now: string;
  /** Other years the caller writes in the same transaction (an import's KPI actuals, evaluations). */
  alsoWrites?: readonly FiscalYear[];
}

/**
 * Writes a plan in place, inside the caller's transaction. Rows are matched by their natural
 * keys (node: its path of titles; project: its number; activity and entry: their position), so
 * re-importing the same plan keeps every id that later work (history, KPIs, evaluations) points
 * at. What the new plan no longer has is removed.
 */
export async function savePlan(
  trx: Kysely<DB>,
  plan: Plan,
  options: SavePlanOptions,
): Promise<number> {
  const code = plan.municipality.code;
  await municipalityStore(trx).ensure(plan.municipality, options.now);
  const existing = await trx
    .selectFrom('plans')
    .select('id')
    .where('municipality_code', '=', code)
    .where('title', '=', plan.plan.title)
    .executeTakeFirst();
  // Locked and published years are read-only for every importer, whatever its format.
  if (existing) {
    await assertYearsWritable(trx, { municipalityCode: code, planId: existing.id }, [
      ...new Set([...options.fiscalYears, ...(options.alsoWrites ?? [])]),
    ]);
  }
  const { id: planId, created } = await upsertPlanRow(trx, plan, options.now);
  const nodeIds = await saveNodes(trx, code, planId, plan.nodes);
  // Items a later import adds belong to its year; a new plan's items come with the plan.
  const [only] = options.fiscalYears;
  const introducedIn = !created && options.fiscalYears.length === 1 ? (only ?? null) : null;
  const projectIds = await saveProjects(trx, code, planId, plan, nodeIds, {
    ...options,
    introducedIn,
  });
  // Nodes emptied of projects and no longer in the plan go last, deepest first.
  const keep = [...nodeIds.values()];
  await trx
    .deleteFrom('plan_nodes')
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', code)
    .$if(keep.length > 0, (q) => q.where('id', 'not in', keep))
    .execute();
  await saveRelists(trx, plan, projectIds);
  for (const total of plan.statedTotals) {
    if (!options.fiscalYears.includes(total.fiscalYear)) continue;
    const values = { budget: total.budget, settlement: total.settlement };
    await trx
      .insertInto('stated_totals')
      .values({
        plan_id: planId,
        municipality_code: code,
        fiscal_year: total.fiscalYear,
        ...values,
      })
      .onConflict((oc) =>
        oc.columns(['municipality_code', 'plan_id', 'fiscal_year']).doUpdateSet(values),
      )
      .execute();
  }
  return planId;
}

async function upsertPlanRow(
  trx: Kysely<DB>,
  plan: Plan,
  now: string,
): Promise<{ id: number; created: boolean }> {
  const values = {
    kind: plan.plan.kind,
    first_fiscal_year: plan.plan.firstFiscalYear,
    last_fiscal_year: plan.plan.lastFiscalYear,
    levels: JSON.stringify(plan.plan.levels),
    amount_unit: plan.amountUnit,
    conventions: JSON.stringify(plan.conventions),
    updated_at: now,
  };
  const existing = await trx
    .selectFrom('plans')
    .select('id')
    .where('municipality_code', '=', plan.municipality.code)
    .where('title', '=', plan.plan.title)
    .executeTakeFirst();
  if (existing) {
    await trx.updateTable('plans').set(values).where('id', '=', existing.id).execute();
    return { id: existing.id, created: false };
  }
  const inserted = await trx
    .insertInto('plans')
    .values({
      municipality_code: plan.municipality.code,
      title: plan.plan.title,
      created_at: now,
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: inserted.id, created: true };
}

const pathKey = (path: readonly string[]) => path.join('\u0000');

/** Returns the id of every node of the new tree, keyed by the node object. */
async function saveNodes(
  trx: Kysely<DB>,
  code: string,
  planId: number,
  roots: readonly PlanNode[],
): Promise<Map<PlanNode, number>> {
  const existing = await trx
    .selectFrom('plan_nodes')
    .select(['id', 'parent_id', 'title'])
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', code)
    .orderBy('depth')
    .execute();
  const pathOf = new Map<number, string[]>();
  const idByPath = new Map<string, number>();
  for (const n of existing) {
    const path = [...(n.parent_id === null ? [] : (pathOf.get(n.parent_id) ?? [])), n.title];
    pathOf.set(n.id, path);
    if (!idByPath.has(pathKey(path))) idByPath.set(pathKey(path), n.id);
  }
  const ids = new Map<PlanNode, number>();
  let position = 0;
  const walk = async (nodes: readonly PlanNode[], parentId: number | null, path: string[]) => {
    for (const node of nodes) {
      const nodePath = [...path, node.title];
      const values = {
        parent_id: parentId,
        depth: path.length,
        position: position++,
        code: node.code ?? null,
      };
      let id = idByPath.get(pathKey(nodePath));
      if (id !== undefined) {
        idByPath.delete(pathKey(nodePath));
        await trx.updateTable('plan_nodes').set(values).where('id', '=', id).execute();
      } else {
        const row = await trx
          .insertInto('plan_nodes')
          .values({ municipality_code: code, plan_id: planId, title: node.title, ...values })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = row.id;
      }
      ids.set(node, id);
      await walk(node.children, id, nodePath);
    }
  };
  await walk(roots, null, []);
  return ids;
}

/** Department ids by name, each name ensured once per save rather than once per project. */
function departmentIds(trx: Kysely<DB>, code: string) {
  const ids = new Map<string, number>();
  return async (name: string | null) => {
    if (name === null) return null;
    const known = ids.get(name);
    if (known !== undefined) return known;
    const id = await departmentStore(trx).ensure(code, name);
    ids.set(name, id);
    return id;
  };
}

/** Returns project ids by project number. */
async function saveProjects(
  trx: Kysely<DB>,
  code: string,
  planId: number,
  plan: Plan,
  nodeIds: Map<PlanNode, number>,
  options: SavePlanOptions & { introducedIn: number | null },
): Promise<Map<string, number>> {
  const existing = await trx
    .selectFrom('projects')
    .select(['id', 'no', 'node_id', 'position', 'name', 'notes', 'tags', 'department_id'])
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', code)
    .execute();
  const idByNo = new Map(existing.map((p) => [p.no, p.id]));
  const storedByNo = new Map(existing.map((p) => [p.no, p]));
  const departmentId = departmentIds(trx, code);
  const fresh = newFinances(trx, code);
  const storedActivities = await readStoredActivities(trx, code, { planId });
  const storedFinances = await readStoredFinances(trx, code, planId, options.fiscalYears);
  const ids = new Map<string, number>();
  let position = 0;
  const placed: { node: PlanNode; project: PlanNode['projects'][number] }[] = [];
  const walk = (nodes: readonly PlanNode[]) => {
    for (const node of nodes) {
      for (const project of node.projects) placed.push({ node, project });
      walk(node.children);
    }
  };
  walk(plan.nodes);
  for (const { node, project } of placed) {
    const values = {
      node_id: nodeIds.get(node) as number,
      position: position++,
      name: project.name,
      notes: JSON.stringify(project.notes),
      // A file that does not carry tags (a TSV) keeps the stored ones: nothing is lost silently.
      ...(project.tags === undefined ? {} : { tags: JSON.stringify(project.tags) }),
      department_id: await departmentId(project.department),
    };
    let id = idByNo.get(project.no);
    if (id !== undefined) {
      idByNo.delete(project.no);
      // An unchanged project is not a change: its row and version stay as they are.
      if (!sameValues(storedByNo.get(project.no) ?? {}, values)) {
        await trx
          .updateTable('projects')
          .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
          .where('id', '=', id)
          .execute();
      }
    } else {
      const row = await trx
        .insertInto('projects')
        .values({ municipality_code: code, plan_id: planId, no: project.no, version: 1, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    ids.set(project.no, id);
    for (const f of project.finances) {
      if (!options.fiscalYears.includes(f.fiscalYear)) continue;
      // A year the file gives is replaced whole, its breakdown too when the file carries one
      // (`[]`: none); a file that carries no breakdown at all (a TSV) keeps the stored one.
      const amounts = { budget: f.budget, settlement: f.settlement, details: f.details };
      const before = storedFinances.get(financeKey(id, f.fiscalYear));
      if (financeUnchanged(before, f)) continue;
      if (!before) {
        fresh.add({ projectId: id, ...amounts, fiscalYear: f.fiscalYear });
        continue;
      }
      await recordFinanceChanges(trx, { code, planId, projectId: id, now: options.now }, f, before);
      await writeFinance(
        trx,
        { municipalityCode: code, projectId: id, fiscalYear: f.fiscalYear },
        amounts,
      );
    }
    await saveActivities(trx, code, id, project.activities, {
      introducedIn: options.introducedIn,
      stored: storedActivities.get(id) ?? [],
    });
  }
  await fresh.flush();
  const gone = [...idByNo.values()];
  if (gone.length > 0) await trx.deleteFrom('projects').where('id', 'in', gone).execute();
  return ids;
}

async function saveRelists(trx: Kysely<DB>, plan: Plan, projectIds: Map<string, number>) {
  const activityId = async (projectNo: string, position: number) => {
    const projectId = projectIds.get(projectNo);
    if (projectId === undefined) return undefined;
    const row = await trx
      .selectFrom('activities')
      .select('id')
      .where('project_id', '=', projectId)
      .where('position', '=', position)
      .executeTakeFirst();
    return row?.id;
  };
  const walk = async (nodes: readonly PlanNode[]) => {
    for (const node of nodes) {
      for (const project of node.projects) {
        for (const [position, a] of project.activities.entries()) {
          if (!a.relistOf) continue;
          const target = await activityId(a.relistOf.projectNo, a.relistOf.position - 1);
          const self = await activityId(project.no, position);
          if (target !== undefined && self !== undefined) {
            await trx
              .updateTable('activities')
              .set({ relist_of_id: target })
              .where('id', '=', self)
              .execute();
          }
        }
      }
      await walk(node.children);
    }
  };
  await walk(plan.nodes);
}
