import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: reads the catalog of any schema.
type AnyDb = Kysely<any>;

export interface TableKey {
  name: string;
  primary: boolean;
  /** The key's columns in index order. */
  columns: string[];
}

/**
 * What the database itself says its schema is (not what schema.ts declares): the tables of the
 * current schema, and each table's primary and unique keys. Used by `sousei copy` and by the
 * tests that check the migrations against the design (keys lead with municipality_code).
 */
export async function listTables(db: AnyDb): Promise<string[]> {
  const { rows } =
    dialectOf(db) === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows
    .map((r) => r.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();
}

/** The table's column names, in the table's order. */
export async function listColumns(db: AnyDb, table: string): Promise<string[]> {
  if (dialectOf(db) === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})
      order by cid`.execute(db);
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ name: string }>`select column_name as name
    from information_schema.columns where table_schema = current_schema() and table_name = ${table}
    order by ordinal_position`.execute(db);
  return rows.map((r) => r.name);
}

/** Primary key and unique keys (constraints or unique indexes) of a table. */
export async function listKeys(db: AnyDb, table: string): Promise<TableKey[]> {
  return dialectOf(db) === 'sqlite' ? sqliteKeys(db, table) : postgresKeys(db, table);
}

async function sqliteKeys(db: AnyDb, table: string): Promise<TableKey[]> {
  const keys: TableKey[] = [];
  const { rows: columns } = await sql<{ name: string; pk: number }>`select name, pk
    from pragma_table_info(${table}) where pk > 0 order by pk`.execute(db);
  if (columns.length > 0) {
    keys.push({ name: `${table}_pk`, primary: true, columns: columns.map((c) => c.name) });
  }
  const { rows: indexes } = await sql<{ name: string; unique: number; origin: string }>`select
    name, "unique", origin from pragma_index_list(${table})`.execute(db);
  for (const index of indexes) {
    if (index.unique !== 1 || index.origin === 'pk') continue;
    const { rows } = await sql<{ name: string }>`select name from pragma_index_info(${index.name})
      order by seqno`.execute(db);
    keys.push({ name: index.name, primary: false, columns: rows.map((r) => r.name) });
  }
  return keys;
}

async function postgresKeys(db: AnyDb, table: string): Promise<TableKey[]> {
  const { rows } = await sql<{ name: string; primary: boolean; columns: string[] }>`select
      i.relname as name, ix.indisprimary as primary,
      array_to_json(array(
        select a.attname::text from unnest(ix.indkey) with ordinality as k(attnum, n)
        join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.attnum order by k.n
      )) as columns
    from pg_index ix
    join pg_class t on t.oid = ix.indrelid
    join pg_class i on i.oid = ix.indexrelid
    join pg_namespace ns on ns.oid = t.relnamespace
    where ns.nspname = current_schema() and t.relname = ${table} and ix.indisunique
    order by i.relname`.execute(db);
  return rows.map((r) => ({ name: r.name, primary: r.primary, columns: r.columns }));
}
