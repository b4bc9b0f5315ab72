import type { Kysely } from 'kysely';
import type { EntryMetric, Plan, PlanNode } from '../../core/plan.ts';
import type { DB } from '../schema.ts';
import { metricRow } from './metric-rows.ts';

type Confirmed = EntryMetric & { confirmed: NonNullable<EntryMetric['confirmed']> };

/** The confirmed figures a plan's document carries, by project number, activity and entry place. */
function confirmedOf(plan: Plan): Map<string, { position: number; metric: Confirmed }[]> {
  const found = new Map<string, { position: number; metric: Confirmed }[]>();
  const walk = (nodes: readonly PlanNode[]) => {
    for (const n of nodes) {
      for (const p of n.projects) {
        for (const [ai, a] of p.activities.entries()) {
          for (const [ei, e] of a.entries.entries()) {
            const kept = (e.metrics ?? []).flatMap((metric, position) =>
              metric.confirmed ? [{ position, metric: metric as Confirmed }] : [],
            );
            if (kept.length > 0) found.set(JSON.stringify([p.no, ai, ei]), kept);
          }
        }
      }
      walk(n.children);
    }
  };
  walk(plan.nodes);
  return found;
}

/**
 * An imported document's confirmed figures (the JSON format keeps who confirmed each), written
 * over what reading the words gave, at their places. Nothing is read or written when the
 * document has none: the usual import pays nothing for this.
 */
export async function saveImportedMetrics(
  trx: Kysely<DB>,
  code: string,
  planId: number,
  plan: Plan,
): Promise<void> {
  const confirmed = confirmedOf(plan);
  if (confirmed.size === 0) return;
  const entries = await trx
    .selectFrom('activity_entries as e')
    .innerJoin('activities as a', 'a.id', 'e.activity_id')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .select(['e.id', 'e.position', 'a.position as activity', 'p.no'])
    .where('e.municipality_code', '=', code)
    .where('p.plan_id', '=', planId)
    .execute();
  for (const e of entries) {
    for (const { position, metric } of confirmed.get(
      JSON.stringify([e.no, e.activity, e.position]),
    ) ?? []) {
      const { confirmed: by, ...figure } = metric;
      const row = metricRow(code, e.id, position, figure, by);
      const { municipality_code, entry_id, position: _p, ...values } = row;
      await trx
        .insertInto('entry_metrics')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['municipality_code', 'entry_id', 'position']).doUpdateSet(values),
        )
        .execute();
    }
  }
}
