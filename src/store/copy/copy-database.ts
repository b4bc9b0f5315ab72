import { type Kysely, sql } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import { dialectOf } from '../database.ts';
import { databaseOf } from '../raw-database.ts';
import type { DB } from '../schema.ts';
import type { Store } from '../store.ts';
import { COPY_CHUNK_ROWS, copyTable } from './copy-table.ts';
import { copiedTables, SCHEMA_TABLES } from './copy-tables.ts';
import { listTables } from './schema-catalog.ts';

export interface TableCount {
  table: keyof DB;
  rows: number;
}

/**
 * Copies every table that moves (copy-tables.ts) from `source` into `target`, both migrated to
 * the same schema, keeping ids. All or nothing: one transaction on the target, which must be
 * empty; the source is read in one transaction too, so a server still writing to it cannot
 * tear the copy. On PostgreSQL the id sequences then continue after the copied ids.
 */
export async function copyDatabase(
  source: Store,
  target: Store,
  chunkRows = COPY_CHUNK_ROWS,
): Promise<TableCount[]> {
  return readConsistently(databaseOf(source), (reader) =>
    databaseOf(target)
      .transaction()
      .execute(async (writer) => {
        await assertEmpty(writer, target.describe);
        const counts: TableCount[] = [];
        for (const table of copiedTables()) {
          counts.push({
            table: table.name,
            rows: await copyTable(reader, writer, table, chunkRows),
          });
        }
        if (dialectOf(writer) === 'postgres') await continueSequences(writer);
        return counts;
      }),
  );
}

/** Rows per table of the schema, every table (copied or not) in schema order. */
export async function countRows(store: Store): Promise<TableCount[]> {
  const db = databaseOf(store);
  const counts: TableCount[] = [];
  for (const table of SCHEMA_TABLES) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
      table,
    )}`.execute(db);
    counts.push({ table, rows: Number(rows[0]?.n ?? 0) });
  }
  return counts;
}

function readConsistently<T>(db: Kysely<DB>, read: (reader: Kysely<DB>) => Promise<T>): Promise<T> {
  // One snapshot of the source: PostgreSQL's repeatable read; SQLite's (WAL) read transaction.
  const transaction = db.transaction();
  return (
    dialectOf(db) === 'postgres' ? transaction.setIsolationLevel('repeatable read') : transaction
  ).execute(read);
}

/**
 * Refuses a target with any row in any table, and a schema holding a table copy-tables.ts does
 * not name (it would be left behind without a word).
 */
async function assertEmpty(db: Kysely<DB>, describe: string): Promise<void> {
  const tables = await listTables(db);
  const unknown = tables.find((table) => !(SCHEMA_TABLES as string[]).includes(table));
  if (unknown) throw new SouseiError('internal', 'copy.unknown-table', { table: unknown });
  for (const table of tables) {
    const row = await sql`select 1 from ${sql.table(table)} limit 1`.execute(db);
    if (row.rows.length > 0) {
      throw new SouseiError('conflict', 'copy.target-not-empty', { target: describe, table });
    }
  }
}

/** Sets each serial column's sequence past the highest copied id, so new rows get new ids. */
async function continueSequences(db: Kysely<DB>): Promise<void> {
  for (const table of copiedTables()) {
    if (table.key.length !== 1 || table.key[0] !== 'id') continue;
    await sql`select setval(pg_get_serial_sequence(${table.name}, 'id'),
      coalesce((select max(id) from ${sql.table(table.name)}), 0) + 1, false)`.execute(db);
  }
}
