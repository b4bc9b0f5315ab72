import SQLite from 'better-sqlite3';
import { SouseiError } from '../../core/errors.ts';

/** Enough pages to finish in one step: one read snapshot, never restarted by a writer. */
const ALL_PAGES = 0x7fffffff;

/**
 * An online backup of a SQLite database through SQLite's backup API. The copy is taken in one
 * step under one read transaction: in WAL mode that is a consistent snapshot, and writers (the
 * server, an import) go on meanwhile. Page-by-page steps would restart on every write.
 */
export async function backupSqlite(path: string, file: string): Promise<void> {
  const source = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(file, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
}

/** Refuses a file that is not a sound Sousei SQLite database (checked before anything is written). */
export function assertSqliteBackup(file: string): void {
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    const migrations = db
      .prepare("select count(*) as n from sqlite_master where name = 'kysely_migration'")
      .get() as { n: number };
    if (migrations.n === 0) throw new Error('no kysely_migration table');
  } catch (error) {
    if (error instanceof SouseiError) throw error;
    throw new SouseiError('invalid-input', 'backup.not-a-backup', {
      path: file,
      detail: error instanceof Error ? error.message : String(error),
    });
  } finally {
    db?.close();
  }
}

/**
 * Copies a backup into the database at `path`, page by page through the backup API, so the
 * target's write-ahead log is honoured and the replacement is one transaction of the target.
 */
export async function restoreSqlite(file: string, path: string): Promise<void> {
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(path, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
}
