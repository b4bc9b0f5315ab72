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
  analyses: 'notice',
  entry_readings: 'notice',
  entry_metrics: 'notice',
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

/**
 * Which noticed tables of the connection's schema have the trigger, and whether the database is
 * a Citus cluster: there Citus refuses triggers on distributed tables and runs writes on its
 * workers, whose notices never reach a listener on the coordinator, so write notices are off
 * (docs/operations.md). Parameters: the noticed tables, the trigger's name.
 */
export const WRITE_NOTICE_COVERAGE = `
  select t.name,
    exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
      where g.tgname = $2 and c.relname = t.name
        and c.relnamespace = current_schema()::regnamespace) as noticed,
    exists (select 1 from pg_extension where extname = 'citus') as citus
  from unnest($1::text[]) as t(name)
  where exists (select 1 from pg_class c where c.relname = t.name and c.relkind = 'r'
    and c.relnamespace = current_schema()::regnamespace)`;

export interface WriteNoticeCoverage {
  /** Noticed tables of the schema without the trigger. */
  missing: string[];
  citus: boolean;
}

export function coverageOf(
  rows: readonly { name: string; noticed: boolean; citus: boolean }[],
): WriteNoticeCoverage {
  return {
    missing: rows.filter((r) => !r.noticed).map((r) => r.name),
    citus: rows.some((r) => r.citus),
  };
}
