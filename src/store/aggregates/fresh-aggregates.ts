import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { beginStalePlans, endStalePlans, type StalePlans, stalePlansOf } from './stale-plans.ts';
import { writePublishedAggregates } from './write-published-aggregates.ts';

/**
 * Runs `fn` inside the transaction `trx` and, before it returns (so before the commit), rewrites
 * the published aggregates of the plans its writes marked stale: each plan once, however many
 * rows touched it (an import of 500 KPIs recomputes its plan once). Called by what opens a
 * transaction (inTransaction, the store's transaction); a call inside a transaction that already
 * does this leaves it to that one. Without it /compare, its CSV and API kept a published year's
 * figures as of the day it was published while the plan's own pages showed the change (issue 11).
 */
export async function withFreshAggregates<T>(
  trx: Kysely<DB>,
  fn: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  if (stalePlansOf(trx)) return fn(trx);
  const stale = beginStalePlans(trx);
  try {
    const result = await fn(trx);
    await recompute(trx, stale);
    return result;
  } finally {
    endStalePlans(trx);
  }
}

/**
 * Notes that a write changed what a plan's published aggregates summarise (a KPI's definition
 * or goal, the plan's tree or first year): recomputed at the end of the enclosing transaction,
 * or at once when the write runs outside one that recomputes (no write goes unaccounted for).
 */
export async function planAggregatesStale(
  trx: Kysely<DB>,
  code: string,
  planId: number,
): Promise<void> {
  const stale = stalePlansOf(trx);
  if (!stale) return recomputeNow(trx, (s) => s.set(code, new Set([planId])));
  const plans = stale.get(code);
  if (plans === 'all') return;
  if (plans) plans.add(planId);
  else stale.set(code, new Set([planId]));
}

/** The same for every plan of a municipality (its status scale and bands). */
export async function municipalityAggregatesStale(trx: Kysely<DB>, code: string): Promise<void> {
  const stale = stalePlansOf(trx);
  if (!stale) return recomputeNow(trx, (s) => s.set(code, 'all'));
  stale.set(code, 'all');
}

function recomputeNow(db: Kysely<DB>, mark: (stale: StalePlans) => void): Promise<void> {
  const run = (trx: Kysely<DB>) =>
    withFreshAggregates(trx, async () => {
      mark(stalePlansOf(trx) as StalePlans);
    });
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

async function recompute(trx: Kysely<DB>, stale: StalePlans): Promise<void> {
  const due: { code: string; planId: number }[] = [];
  for (const [code, plans] of stale) {
    if (plans !== 'all' && plans.size === 0) continue;
    const published = await trx
      .selectFrom('plan_years')
      .select('plan_id')
      .distinct()
      .where('municipality_code', '=', code)
      .where('status', '=', 'published')
      .$if(plans !== 'all', (q) => q.where('plan_id', 'in', [...(plans as Set<number>)]))
      .execute();
    for (const { plan_id } of published) due.push({ code, planId: plan_id });
  }
  // By plan id: writers take each plan's turn (write-published-aggregates.ts) in one order.
  due.sort((a, b) => a.planId - b.planId);
  for (const { code, planId } of due) await writePublishedAggregates(trx, code, planId);
}
