import { type Kysely, sql } from 'kysely';
import type { CopiedTable } from './copy-tables.ts';

// biome-ignore lint/suspicious/noExplicitAny: generic over every table of the schema.
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

/** Rows read from the source per query, and at most written per multi-row insert. */
export const COPY_CHUNK_ROWS = 1000;

/**
 * Bound parameters per insert: SQLite allows 32,766 and PostgreSQL 65,535; a wide table writes
 * fewer rows per insert rather than fail.
 */
const MAX_PARAMETERS = 30_000;

/**
 * Copies one table from `source` to `target`, keeping every column (ids included), chunk by
 * chunk in key order. A self-reference to a row not yet written (a relist of a later activity)
 * is written as null first and set once the whole table is in, so no foreign key is broken
 * midway; references within one chunk need nothing, as both databases check at statement end.
 */
export async function copyTable(
  source: AnyDb,
  target: AnyDb,
  table: CopiedTable,
  chunkRows = COPY_CHUNK_ROWS,
): Promise<number> {
  const written = new Set<unknown>();
  const deferred: { row: Row; column: string }[] = [];
  let copied = 0;
  let after: Row | undefined;
  for (;;) {
    const rows = await readChunk(source, table, after, chunkRows);
    if (rows.length === 0) break;
    for (const row of rows) if (table.selfReferences.length > 0) written.add(row.id);
    const prepared = rows.map((row) => detachForwardReferences(row, table, written, deferred));
    await insertRows(target, table.name, prepared);
    copied += rows.length;
    after = rows.at(-1);
    if (rows.length < chunkRows) break;
  }
  for (const { row, column } of deferred) {
    await target
      .updateTable(table.name)
      .set({ [column]: row[column] })
      .where('id', '=', row.id)
      .execute();
  }
  return copied;
}

/**
 * The next rows in key order after `after` (keyset paging: each read starts where the last one
 * ended, by the primary key's index, where an offset would re-read every row before it).
 */
function readChunk(
  source: AnyDb,
  table: CopiedTable,
  after: Row | undefined,
  chunkRows: number,
): Promise<Row[]> {
  let query = source.selectFrom(table.name).selectAll();
  if (after) {
    const columns = sql.join(table.key.map((column) => sql.ref(column)));
    const values = sql.join(table.key.map((column) => after[column]));
    query = query.where(sql<boolean>`(${columns}) > (${values})`);
  }
  for (const column of table.key) query = query.orderBy(column);
  return query.limit(chunkRows).execute();
}

function detachForwardReferences(
  row: Row,
  table: CopiedTable,
  written: ReadonlySet<unknown>,
  deferred: { row: Row; column: string }[],
): Row {
  let copy = row;
  for (const column of table.selfReferences) {
    const value = row[column];
    if (value === null || value === undefined || written.has(value)) continue;
    deferred.push({ row, column });
    copy = { ...copy, [column]: null };
  }
  return copy;
}

async function insertRows(target: AnyDb, table: string, rows: Row[]): Promise<void> {
  const columns = Object.keys(rows[0] ?? {}).length || 1;
  const perInsert = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let start = 0; start < rows.length; start += perInsert) {
    await target
      .insertInto(table)
      .values(rows.slice(start, start + perInsert))
      .execute();
  }
}
