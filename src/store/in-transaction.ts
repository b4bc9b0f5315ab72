import type { Kysely } from 'kysely';
import { withFreshAggregates } from './aggregates/fresh-aggregates.ts';
import type { DB } from './schema.ts';

/**
 * Runs `fn` in a write transaction, or inside the caller's when `db` already is one. Every write
 * of a store module goes through here, so the rules it checks and the history it records commit
 * or roll back together with the change itself, and so do the published aggregates they made
 * stale (recomputed once, at the end of the outermost call: aggregates/fresh-aggregates.ts).
 */
export function inTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction
    ? withFreshAggregates(db, fn)
    : db.transaction().execute((trx) => withFreshAggregates(trx, fn));
}
