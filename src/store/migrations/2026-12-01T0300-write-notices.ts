import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../database.ts';
import { WRITE_NOTICE_TRIGGER } from '../write-notice-tables.ts';
import {
  createWriteNoticeFunction,
  createWriteNoticeTriggers,
  tablesWithWriteNotice,
} from '../write-notice-triggers.ts';

/**
 * PostgreSQL only (issue 11): every write to a table a page can show is announced with NOTIFY
 * at commit, so each process moves its write mark and serves cached pages without reading the
 * database until something was written (src/store/write-notices.ts). SQLite has its own marks
 * (data_version): nothing to do there.
 *
 * The tables as they were at this migration; tables added later get their trigger from the
 * list in write-notice-tables.ts at the next start (ensureWriteNotices).
 */
const TABLES = [
  'municipalities',
  'municipality_settings',
  'departments',
  'users',
  'user_departments',
  'api_tokens',
  'plans',
  'plan_nodes',
  'projects',
  'project_finances',
  'project_finance_details',
  'activities',
  'kpis',
  'activity_entries',
  'kpi_year_targets',
  'kpi_actuals',
  'stated_totals',
  'import_runs',
  'plan_years',
  'project_years',
  'evaluations',
  'evaluation_comments',
  'changes',
  'published_aggregates',
  'sessions',
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await createWriteNoticeFunction(db);
  await createWriteNoticeTriggers(db, TABLES);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  for (const table of await tablesWithWriteNotice(db)) {
    await sql`drop trigger ${sql.raw(WRITE_NOTICE_TRIGGER)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists ${sql.raw(WRITE_NOTICE_TRIGGER)}()`.execute(db);
}
