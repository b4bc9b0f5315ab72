import type { DB } from '../schema.ts';

/**
 * How `sousei copy` moves each table of the schema. Typed over every table of `DB`, so a new
 * table does not type-check until it says here whether and in which order it moves.
 */
export type TableCopy =
  | {
      /** Position in the copy: every table a foreign key points to comes earlier. */
      order: number;
      /** Columns that identify a row: reads page through the table in this order. */
      key: readonly string[];
      /** Columns referring to the `id` of another row of the same table (a parent, a relist). */
      selfReferences?: readonly string[];
    }
  | {
      /** Why the table stays behind. */
      skip: string;
    };

export const TABLE_COPIES: Readonly<Record<keyof DB, TableCopy>> = {
  municipalities: { order: 1, key: ['code'] },
  municipality_settings: { order: 2, key: ['municipality_code'] },
  departments: { order: 3, key: ['id'] },
  users: { order: 4, key: ['id'] },
  user_departments: { order: 5, key: ['user_id', 'department_id'] },
  // Only the SHA-256 of each secret is stored: the tokens work on the new installation.
  api_tokens: { order: 6, key: ['id'] },
  plans: { order: 7, key: ['id'] },
  plan_nodes: { order: 8, key: ['id'], selfReferences: ['parent_id'] },
  projects: { order: 9, key: ['id'] },
  project_finances: { order: 10, key: ['project_id', 'fiscal_year'] },
  project_finance_details: { order: 11, key: ['project_id', 'fiscal_year', 'position'] },
  activities: { order: 12, key: ['id'], selfReferences: ['relist_of_id'] },
  kpis: { order: 13, key: ['id'] },
  activity_entries: { order: 14, key: ['id'] },
  kpi_year_targets: { order: 15, key: ['kpi_id', 'fiscal_year'] },
  kpi_actuals: { order: 16, key: ['kpi_id', 'fiscal_year'] },
  stated_totals: { order: 17, key: ['plan_id', 'fiscal_year'] },
  import_runs: { order: 18, key: ['id'] },
  plan_years: { order: 19, key: ['plan_id', 'fiscal_year'] },
  project_years: { order: 20, key: ['project_id', 'fiscal_year'] },
  evaluations: { order: 21, key: ['project_id', 'fiscal_year'] },
  evaluation_comments: { order: 22, key: ['id'] },
  changes: { order: 23, key: ['id'] },
  // Derived at publish time from data copied above; copied as it is, like the history.
  published_aggregates: { order: 24, key: ['plan_id', 'fiscal_year'] },
  analyses: { order: 25, key: ['municipality_code', 'plan_id', 'fiscal_year', 'scope'] },
  // Figures read from entries (issue 12); confirmed ones cannot be read again, so all move.
  entry_readings: { order: 26, key: ['municipality_code', 'entry_id'] },
  entry_metrics: { order: 27, key: ['municipality_code', 'entry_id', 'position'] },
  // Short-lived security state: everyone signs in again on the new installation, and the
  // throttle starts afresh there (docs/operations.md, "Moving an installation").
  sessions: { skip: 'sessions end with the move' },
  login_failures: { skip: 'the login throttle starts afresh' },
};

export interface CopiedTable {
  name: keyof DB;
  key: readonly string[];
  selfReferences: readonly string[];
}

/** The tables that move, in dependency order. */
export function copiedTables(): CopiedTable[] {
  return (Object.entries(TABLE_COPIES) as [keyof DB, TableCopy][])
    .flatMap(([name, copy]) =>
      'order' in copy
        ? [{ name, order: copy.order, key: copy.key, selfReferences: copy.selfReferences ?? [] }]
        : [],
    )
    .sort((a, b) => a.order - b.order)
    .map(({ name, key, selfReferences }) => ({ name, key, selfReferences }));
}

/** Every table of the schema, copied or not: what the catalog of a migrated database holds. */
export const SCHEMA_TABLES = Object.keys(TABLE_COPIES) as (keyof DB)[];
