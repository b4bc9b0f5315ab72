import type { DB } from './schema.ts';

/** The channel every write to a noticed table is announced on (PostgreSQL NOTIFY). */
export const WRITE_NOTICE_CHANNEL = 'sousei_writes';

/** The trigger (and its function) that announces writes: one name, on every noticed table. */
export const WRITE_NOTICE_TRIGGER = 'sousei_write_notice';

export type WriteNotice = 'notice' | { exempt: string };

/**
 * Which tables announce their writes to the processes serving the database (PostgreSQL: a
 * statement-level trigger calling pg_notify, see write-notice-triggers.ts). A cache in any
 * process is kept only until the next announced write, so a table left out could serve a stale
 * page: typed over every table of `DB`, so a new table does not type-check until it says here
 * whether it is noticed, and the store adds its trigger at the next start (one line here).
 */
export const WRITE_NOTICE_TABLES: Readonly<Record<keyof DB, WriteNotice>> = {
  municipalities: 'notice',
  municipality_settings: 'notice',
  departments: 'notice',
  users: 'notice',
  user_departments: 'notice',
  api_tokens: 'notice',
  plans: 'notice',
  plan_nodes: 'notice',
  projects: 'notice',
  project_finances: 'notice',
  project_finance_details: 'notice',
  activities: 'notice',
  kpis: 'notice',
  activity_entries: 'notice',
  kpi_year_targets: 'notice',
  kpi_actuals: 'notice',
  stated_totals: 'notice',
  import_runs: 'notice',
  plan_years: 'notice',
  project_years: 'notice',
  evaluations: 'notice',
  evaluation_comments: 'notice',
  changes: 'notice',
  published_aggregates: 'notice',
  // Sign-in and sign-out change what a signed-in cache may answer.
  sessions: 'notice',
  login_failures: {
    exempt:
      'read by the login form alone, never cached; announcing each failed login would let anyone empty every cache of every process',
  },
};

/** The tables whose writes are announced. */
export function noticedTables(): (keyof DB)[] {
  return (Object.entries(WRITE_NOTICE_TABLES) as [keyof DB, WriteNotice][])
    .filter(([, notice]) => notice === 'notice')
    .map(([table]) => table);
}
