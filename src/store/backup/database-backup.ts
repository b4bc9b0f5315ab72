import { existsSync, renameSync, rmSync } from 'node:fs';
import { sql } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import { openDatabase, parseDatabaseUrl } from '../database.ts';
import { assertPostgresBackup, backupPostgres, restorePostgres } from './postgres-backup.ts';
import { assertSqliteBackup, backupSqlite, restoreSqlite } from './sqlite-backup.ts';

/**
 * Backup and restore of the database named by a DATABASE_URL: the store owns the database, so
 * only this module reaches the raw handle (SQLite) or the client tools (PostgreSQL).
 */
export interface BackupOptions {
  /** Replace an existing backup file. */
  force?: boolean;
}

/**
 * Writes a consistent online backup to `file`. It is written beside `file` first and renamed
 * into place when complete, so an interrupted backup never leaves a truncated file behind.
 */
export async function backupDatabase(
  url: string | undefined,
  file: string,
  options: BackupOptions = {},
): Promise<string> {
  if (existsSync(file) && !options.force) {
    throw new SouseiError('conflict', 'backup.target-exists', { path: file });
  }
  const target = parseDatabaseUrl(url);
  const partial = `${file}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  try {
    if (target.dialect === 'sqlite') {
      if (target.path === ':memory:' || !existsSync(target.path)) {
        throw new SouseiError('not-found', 'backup.no-database', { target: target.path });
      }
      await backupSqlite(target.path, partial);
    } else {
      await backupPostgres(target.connectionString, partial);
    }
    renameSync(partial, file);
    return describeTarget(url);
  } finally {
    rmSync(partial, { force: true });
  }
}

export interface RestoreOptions {
  /** Replace a database that already holds data. */
  force?: boolean;
}

/**
 * Brings a backup back into the database named by `url`. The file is checked first; a target
 * that holds any data is refused unless `force` (a migrated but empty database is fine).
 */
export async function restoreDatabase(
  url: string | undefined,
  file: string,
  options: RestoreOptions = {},
): Promise<void> {
  if (!existsSync(file)) throw new SouseiError('not-found', 'file.not-found', { path: file });
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') assertSqliteBackup(file);
  else await assertPostgresBackup(file);
  const occupied = options.force ? undefined : await occupiedTarget(url);
  if (occupied) throw new SouseiError('conflict', 'restore.target-not-empty', { target: occupied });
  if (target.dialect === 'sqlite') await restoreSqlite(file, target.path);
  else await restorePostgres(file, target.connectionString);
}

/** Where the database is, without credentials, for messages. */
function describeTarget(url: string | undefined): string {
  const target = parseDatabaseUrl(url);
  return target.dialect === 'sqlite'
    ? target.path
    : target.connectionString.replace(/\/\/[^@]*@/, '//…@');
}

/**
 * Where the database is, for the message, when any of its tables (in its current schema) has a
 * row, bookkeeping aside; undefined when it is empty or does not exist yet.
 */
async function occupiedTarget(url: string | undefined): Promise<string | undefined> {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite' && !existsSync(target.path)) return undefined;
  const { db, dialect, describe } = openDatabase(url);
  try {
    const tables =
      dialect === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master
            where type = 'table' and name not like 'sqlite_%'`.execute(db)
        : await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
    for (const { name } of tables.rows) {
      if (name.startsWith('kysely_migration')) continue;
      const row = await sql`select 1 from ${sql.table(name)} limit 1`.execute(db);
      if (row.rows.length > 0) return describe;
    }
    return undefined;
  } finally {
    await db.destroy();
  }
}
