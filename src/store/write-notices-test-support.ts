import { sql } from 'kysely';
import { databaseOf } from './raw-database.ts';
import type { Store } from './store.ts';
import { WRITE_NOTICE_TRIGGER } from './write-notice-tables.ts';
import { type WriteNotices, writeNoticesOf } from './write-notices.ts';

/** Test support: the PostgreSQL write-notice listener of an open store. */
export function listenerOf(store: Store): WriteNotices {
  const notices = writeNoticesOf(databaseOf(store));
  if (!notices) throw new Error('not a PostgreSQL store');
  return notices;
}

/** Waits, at most `ms`, until `ok()` holds; returns whether it did (no assertion on timing). */
export async function eventually(ok: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/** Connects the store's listener (first use of a mark) and waits until it listens. */
export async function listening(store: Store): Promise<WriteNotices> {
  const notices = listenerOf(store);
  notices.mark();
  if (!(await eventually(() => notices.listening))) throw new Error('the listener never listened');
  return notices;
}

/** The server processes of `store`'s listener, as PostgreSQL lists them, seen through `via`. */
export async function listenerBackends(store: Store, via: Store): Promise<number[]> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity
    where application_name = ${listenerOf(store).applicationName}`.execute(databaseOf(via));
  return rows.map((r) => r.pid);
}

/** Ends the listener's server process from another connection, as a database restart would. */
export async function terminateListener(store: Store, via: Store): Promise<void> {
  for (const pid of await listenerBackends(store, via)) {
    await sql`select pg_terminate_backend(${pid})`.execute(databaseOf(via));
  }
}

/** The tables of the store's schema, as PostgreSQL's catalog has them. */
export async function schemaTables(store: Store): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not like 'kysely_%'
    order by table_name`.execute(databaseOf(store));
  return rows.map((r) => r.name);
}

/** Takes a table's write-notice trigger away, as a table added after the migration lacks it. */
export async function dropWriteNotice(store: Store, table: string): Promise<void> {
  await sql`drop trigger ${sql.raw(WRITE_NOTICE_TRIGGER)} on ${sql.table(table)}`.execute(
    databaseOf(store),
  );
}
