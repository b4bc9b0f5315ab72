import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../database.ts';
import type { DB } from '../schema.ts';
import { insertedRows } from './inserted-rows.ts';

/** Rows a table must have grown by before it is analysed: autovacuum's default threshold. */
const BASE = 500;
const SCALE = 0.1;

/**
 * PostgreSQL plans queries from table statistics that autovacuum refreshes only some time after
 * a bulk write: read again straight after a first import of 1,826 projects, the plan's
 * finances took 0.4–0.6 s per query (nested loops over tables it believed empty) instead of a
 * few ms. So after a save commits, the tables it grew by more than autovacuum's threshold are
 * analysed at once. Run outside the save's transaction: statistics protect no data, and the
 * save is already committed, so a failure here must not report it as failed.
 */
export async function refreshStatistics(
  db: Kysely<DB>,
  inserted: ReadonlyMap<string, number>,
): Promise<void> {
  if (dialectOf(db) !== 'postgres' || db.isTransaction) return;
  const grown = [...inserted].filter(([, rows]) => rows >= BASE).map(([table]) => table);
  if (grown.length === 0) return;
  try {
    const sizes = await sql<{ name: string; rows: number }>`
      select relname as name, reltuples::float8 as rows from pg_class
      where oid = any(array[${sql.join(grown.map((t) => sql`to_regclass(${t})`))}])`.execute(db);
    const stale = sizes.rows
      .filter((t) => (inserted.get(t.name) ?? 0) > BASE + SCALE * Math.max(0, t.rows))
      .map((t) => sql.table(t.name));
    if (stale.length > 0) await sql`analyze ${sql.join(stale)}`.execute(db);
  } catch {
    // Only planner statistics: autovacuum refreshes them later anyway.
  }
}

/**
 * Runs a write (a transaction) on `db` with its inserts tallied, then refreshes the statistics
 * of the tables it grew (PostgreSQL; nothing when `db` is itself inside a transaction).
 */
export async function withFreshStatistics<T>(
  db: Kysely<DB>,
  write: (db: Kysely<DB>) => Promise<T>,
): Promise<T> {
  const inserted = insertedRows();
  const result = await write(db.withPlugin(inserted.plugin));
  await refreshStatistics(db, inserted.rows);
  return result;
}
