import { CompiledQuery, type Kysely, sql } from 'kysely';
import { dialectOf } from './database.ts';
import {
  coverageOf,
  noticedTables,
  WRITE_NOTICE_CHANNEL,
  WRITE_NOTICE_COVERAGE,
  WRITE_NOTICE_TRIGGER,
  type WriteNoticeCoverage,
} from './write-notice-tables.ts';

/**
 * PostgreSQL's half of the write marks (write-notices.ts): after every statement that inserts,
 * updates, deletes or truncates rows of a noticed table, `pg_notify` names the table's schema on
 * one channel. A notification is delivered at commit and never for a rolled-back transaction,
 * and identical ones of one transaction are sent once: one small message per committed write
 * transaction and schema, whichever process, version of Sousei or psql session wrote. The
 * schema lets several installations (and parallel tests) share a database without emptying
 * each other's caches.
 */
// biome-ignore lint/suspicious/noExplicitAny: runs from a migration, before the schema has a type.
export async function createWriteNoticeFunction(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function ${sql.raw(WRITE_NOTICE_TRIGGER)}() returns trigger
    language plpgsql as $$
    begin
      perform pg_notify(${sql.lit(WRITE_NOTICE_CHANNEL)}, tg_table_schema);
      return null;
    end
    $$`.execute(db);
}

/** Adds the trigger to each of `tables` (which must exist and not have it yet). */
// biome-ignore lint/suspicious/noExplicitAny: runs from a migration, before the schema has a type.
export async function createWriteNoticeTriggers(db: Kysely<any>, tables: readonly string[]) {
  for (const table of tables) {
    await sql`
      create trigger ${sql.raw(WRITE_NOTICE_TRIGGER)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function ${sql.raw(WRITE_NOTICE_TRIGGER)}()`.execute(db);
  }
}

/** The tables of the connection's schema that have the trigger. */
// biome-ignore lint/suspicious/noExplicitAny: works before and after any migration.
export async function tablesWithWriteNotice(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_trigger t
    join pg_class c on c.oid = t.tgrelid
    where t.tgname = ${WRITE_NOTICE_TRIGGER} and c.relnamespace = current_schema()::regnamespace
    order by c.relname`.execute(db);
  return rows.map((r) => r.name);
}

/** Which noticed tables lack the trigger, and whether this is a Citus cluster. */
// biome-ignore lint/suspicious/noExplicitAny: the database or a transaction of it.
export async function writeNoticeCoverage(db: Kysely<any>): Promise<WriteNoticeCoverage> {
  const { rows } = await db.executeQuery<{ name: string; noticed: boolean; citus: boolean }>(
    CompiledQuery.raw(WRITE_NOTICE_COVERAGE, [noticedTables(), WRITE_NOTICE_TRIGGER]),
  );
  return coverageOf(rows);
}

/**
 * Adds the trigger to every noticed table that lacks it (PostgreSQL, after the migrations, at
 * every start). Migrations are append-only, so a table added after migration 2026-12-01T0300 gets
 * its trigger here, from the one list in write-notice-tables.ts, rather than from a migration
 * that each new table would have to remember. Two processes starting at once take turns (a
 * lock held until the transaction ends); a database where nothing is missing costs one query.
 * Nothing on Citus, where write notices are off (WRITE_NOTICE_COVERAGE).
 */
// biome-ignore lint/suspicious/noExplicitAny: runs before the schema has a type.
export async function ensureWriteNotices(db: Kysely<any>): Promise<string[]> {
  if (dialectOf(db) !== 'postgres') return [];
  const first = await writeNoticeCoverage(db);
  if (first.citus || first.missing.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${WRITE_NOTICE_TRIGGER}))`.execute(trx);
    const { missing } = await writeNoticeCoverage(trx);
    await createWriteNoticeTriggers(trx, missing);
    return missing;
  });
}
