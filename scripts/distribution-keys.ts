/**
 * Steps 3 and 4 of "Distributing by municipality" (docs/operations.md), written from the
 * catalog of a migrated Sousei database on PostgreSQL: on every table to be distributed, the
 * municipality-led unique index (migration 2026-11-30T2200) becomes the primary key, the keys
 * without `municipality_code` go, and every foreign key between distributed tables is made
 * again with `municipality_code` in it (Citus needs both). Prints the SQL; apply it in one
 * transaction before `create_distributed_table`:
 *
 *   DATABASE_URL=postgres://… node --import tsx scripts/distribution-keys.ts > keys.sql
 *   psql "$DATABASE_URL" --single-transaction -f keys.sql
 *
 * test/distribution/distribution-keys.test.ts applies it to plain PostgreSQL holding the demo
 * and runs the application on the result.
 */
import { pathToFileURL } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { listKeys } from '../src/store/copy/schema-catalog.ts';
import { openDatabase } from '../src/store/database.ts';
import { municipalityKeyName } from '../src/store/migrations/2026-11-30T2200-municipality-first-keys.ts';

/** Tables distributed by municipality_code and colocated; the others become reference tables. */
export const DISTRIBUTED_TABLES = [
  'plans',
  'plan_nodes',
  'projects',
  'project_finances',
  'project_finance_details',
  'activities',
  'activity_entries',
  'stated_totals',
  'import_runs',
  'kpis',
  'kpi_year_targets',
  'kpi_actuals',
  'evaluations',
  'evaluation_comments',
  'plan_years',
  'project_years',
  'changes',
  'published_aggregates',
  'analyses',
  'entry_readings',
  'entry_metrics',
] as const;

export const REFERENCE_TABLES = [
  'municipalities',
  'municipality_settings',
  'departments',
  'users',
  'user_departments',
  'sessions',
  'api_tokens',
  'login_failures',
] as const;

export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  /** pg_constraint.confdeltype: a no action, r restrict, c cascade, n set null, d set default. */
  onDelete: string;
}

// biome-ignore lint/suspicious/noExplicitAny: reads the catalog of any schema.
export async function foreignKeys(db: Kysely<any>): Promise<ForeignKey[]> {
  const columnsOf = (keys: string, relation: string) =>
    sql.raw(`array_to_json(array(select a.attname::text from unnest(c.${keys})
      with ordinality as k(attnum, n) join pg_attribute a on a.attrelid = c.${relation}
      and a.attnum = k.attnum order by k.n))`);
  const { rows } = await sql<ForeignKey>`select c.conname as name, t.relname as "table",
      ${columnsOf('conkey', 'conrelid')} as columns, r.relname as "refTable",
      ${columnsOf('confkey', 'confrelid')} as "refColumns", c.confdeltype as "onDelete"
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_class r on r.oid = c.confrelid
    join pg_namespace ns on ns.oid = t.relnamespace
    where c.contype = 'f' and ns.nspname = current_schema()
    order by t.relname, c.conname`.execute(db);
  return rows;
}

const distributed = (table: string) => (DISTRIBUTED_TABLES as readonly string[]).includes(table);
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const list = (names: readonly string[]) => names.map(quote).join(', ');

function onDelete(fk: ForeignKey): string {
  switch (fk.onDelete) {
    case 'c':
      return ' on delete cascade';
    case 'n':
      // Only the id: municipality_code is part of the row's own key and never null.
      return ` on delete set null (${list(fk.columns)})`;
    case 'r':
      return ' on delete restrict';
    case 'd':
      return ' on delete set default';
    default:
      return '';
  }
}

/** The SQL of steps 3 and 4, in the order it must run. */
// biome-ignore lint/suspicious/noExplicitAny: reads the catalog of any schema.
export async function distributionKeySteps(db: Kysely<any>): Promise<string[]> {
  const moved = (await foreignKeys(db)).filter(
    (fk) =>
      distributed(fk.table) &&
      distributed(fk.refTable) &&
      !fk.columns.includes('municipality_code'),
  );
  const drops = moved.map(
    (fk) => `alter table ${quote(fk.table)} drop constraint ${quote(fk.name)};`,
  );
  const keys: string[] = [];
  for (const table of DISTRIBUTED_TABLES) {
    for (const key of await listKeys(db, table)) {
      if (key.columns.includes('municipality_code')) continue;
      if (!key.primary) {
        keys.push(`alter table ${quote(table)} drop constraint ${quote(key.name)};`);
        continue;
      }
      keys.push(`alter table ${quote(table)} drop constraint ${quote(key.name)};`);
      keys.push(
        `alter table ${quote(table)} add constraint ${quote(key.name)} primary key using index ${quote(
          municipalityKeyName(table, key.columns),
        )};`,
      );
    }
  }
  const adds = moved.map(
    (fk) =>
      `alter table ${quote(fk.table)} add constraint ${quote(fk.name)} foreign key ` +
      `("municipality_code", ${list(fk.columns)}) references ${quote(fk.refTable)} ` +
      `("municipality_code", ${list(fk.refColumns)})${onDelete(fk)};`,
  );
  return [...drops, ...keys, ...adds];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { db, dialect } = openDatabase(process.env.DATABASE_URL);
  try {
    if (dialect !== 'postgres') throw new Error('DATABASE_URL must name a PostgreSQL database');
    for (const statement of await distributionKeySteps(db)) console.log(statement);
  } finally {
    await db.destroy();
  }
}
