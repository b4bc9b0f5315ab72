import type { Kysely } from 'kysely';

/**
 * Every table holding a municipality's rows gets a unique key that leads with
 * `municipality_code` (issue 11), so the schema can be distributed by municipality on a
 * PostgreSQL cluster (docs/operations.md, "Distributing by municipality"): there, a unique key
 * must include the distribution column, and the leading column routes a lookup to one node.
 * Each key is the table's primary key (or its other unique key) with `municipality_code` put
 * first: a superset of a key already unique, so existing data always satisfies it. The same
 * unique indexes on SQLite keep both databases' catalogs alike. municipality_settings is keyed
 * by the municipality alone already.
 */
export const MUNICIPALITY_FIRST_KEYS: readonly (readonly [string, readonly string[]])[] = [
  // Plans and departments are keyed by their title and name already; (code, id) is what a
  // foreign key that carries the municipality points to.
  ['plans', ['id']],
  ['departments', ['id']],
  ['plan_nodes', ['id']],
  ['projects', ['id']],
  ['projects', ['plan_id', 'no']],
  ['project_finances', ['project_id', 'fiscal_year']],
  ['project_finance_details', ['project_id', 'fiscal_year', 'position']],
  ['activities', ['id']],
  ['activity_entries', ['id']],
  ['stated_totals', ['plan_id', 'fiscal_year']],
  ['import_runs', ['id']],
  ['kpis', ['id']],
  ['kpi_year_targets', ['kpi_id', 'fiscal_year']],
  ['kpi_actuals', ['kpi_id', 'fiscal_year']],
  ['evaluations', ['project_id', 'fiscal_year']],
  ['evaluation_comments', ['id']],
  ['users', ['id']],
  ['user_departments', ['user_id', 'department_id']],
  ['sessions', ['id']],
  ['plan_years', ['plan_id', 'fiscal_year']],
  ['project_years', ['project_id', 'fiscal_year']],
  ['changes', ['id']],
  ['api_tokens', ['id']],
  ['published_aggregates', ['plan_id', 'fiscal_year']],
];

/** `projects_municipality_plan_id_no_key` and the like. */
export function municipalityKeyName(table: string, columns: readonly string[]): string {
  return `${table}_municipality_${columns.join('_')}_key`;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of MUNICIPALITY_FIRST_KEYS) {
    await db.schema
      .createIndex(municipalityKeyName(table, columns))
      .on(table)
      .columns(['municipality_code', ...columns])
      .unique()
      .execute();
  }
}
