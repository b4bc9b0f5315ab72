import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** The plans whose published aggregates a transaction's writes made stale, by municipality. */
export type StalePlans = Map<string, Set<number> | 'all'>;

// Keyed by the transaction object that the writers inside it are handed (fresh-aggregates.ts).
const scopes = new WeakMap<Kysely<DB>, StalePlans>();

/** The stale plans of a transaction that recomputes at its end; undefined outside one. */
export function stalePlansOf(trx: Kysely<DB>): StalePlans | undefined {
  return scopes.get(trx);
}

export function beginStalePlans(trx: Kysely<DB>): StalePlans {
  const stale: StalePlans = new Map();
  scopes.set(trx, stale);
  return stale;
}

export function endStalePlans(trx: Kysely<DB>): void {
  scopes.delete(trx);
}

/**
 * A plan's aggregates are being written from the data as it is in `trx` (a publish, a
 * withdrawal): a mark made earlier in the transaction needs no second computation. A write
 * after this marks the plan again.
 */
export function forgetStalePlan(trx: Kysely<DB>, code: string, planId: number): void {
  const plans = scopes.get(trx)?.get(code);
  if (plans instanceof Set) plans.delete(planId);
}
