import type { Kysely } from 'kysely';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Plan, PlanNode } from '../core/plan.ts';
import { saveImportedMetrics } from './metrics/save-imported-metrics.ts';
import { syncEntryMetrics } from './metrics/sync-entry-metrics.ts';
import { municipalityStore } from './municipalities/municipality-store.ts';
import { type NewActivities, newActivities } from './plans/new-activities.ts';
import { saveNodes } from './plans/save-nodes.ts';
import { saveProjects } from './plans/save-projects.ts';
import { assertYearsWritable } from './rules/assert-years-writable.ts';
import { assertClosedYearsKept } from './rules/closed-year-removals.ts';
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
  incoming: Plan,
  options: SavePlanOptions,
): Promise<number> {
  const code = incoming.municipality.code;
  await municipalityStore(trx).ensure(incoming.municipality, options.now);
  const existing = await trx
    .selectFrom('plans')
    .select('id')
    .where('municipality_code', '=', code)
    .where('title', '=', incoming.plan.title)
    .executeTakeFirst();
  // Locked and published years are read-only for every importer, whatever its format: their
  // entries are kept as stored (matched by fiscal year), never replaced by position.
  let plan = incoming;
  if (existing) {
    const scope = { municipalityCode: code, planId: existing.id };
    await assertYearsWritable(trx, scope, [
      ...new Set([...options.fiscalYears, ...(options.alsoWrites ?? [])]),
    ]);
    plan = await assertClosedYearsKept(trx, scope, incoming);
  }
  const { id: planId, created } = await upsertPlanRow(trx, plan, options.now, existing?.id);
  const nodes = await saveNodes(trx, code, planId, plan.nodes);
  // Items a later import adds belong to its year; a new plan's items come with the plan.
  const [only] = options.fiscalYears;
  const introducedIn = !created && options.fiscalYears.length === 1 ? (only ?? null) : null;
  const pending = newActivities(trx);
  const projectIds = await saveProjects(trx, { code, planId }, plan, nodes.ids, {
    fiscalYears: options.fiscalYears,
    now: options.now,
    introducedIn,
    pending,
  });
  await pending.flush();
  await syncEntryMetrics(trx, code, { planId });
  await saveImportedMetrics(trx, code, planId, plan);
  // Nodes emptied of projects and no longer in the plan go last.
  if (nodes.gone.length > 0) {
    await trx
      .deleteFrom('plan_nodes')
      .where('municipality_code', '=', code)
      .where('id', 'in', nodes.gone)
      .execute();
  }
  await saveRelists(trx, plan, projectIds, pending);
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
  existingId: number | undefined,
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
  if (existingId !== undefined) {
    await trx.updateTable('plans').set(values).where('id', '=', existingId).execute();
    return { id: existingId, created: false };
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

/** Re-listing links, set plan-wide once every activity has its id (no look-up per link). */
async function saveRelists(
  trx: Kysely<DB>,
  plan: Plan,
  projectIds: Map<string, number>,
  activities: NewActivities,
) {
  const activityId = (projectNo: string, position: number) => {
    const projectId = projectIds.get(projectNo);
    return projectId === undefined ? undefined : activities.idOf(projectId, position);
  };
  const walk = async (nodes: readonly PlanNode[]) => {
    for (const node of nodes) {
      for (const project of node.projects) {
        for (const [position, a] of project.activities.entries()) {
          if (!a.relistOf) continue;
          const target = activityId(a.relistOf.projectNo, a.relistOf.position - 1);
          const self = activityId(project.no, position);
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
