import { resolve } from 'node:path';
import { backupDatabase as backupStore } from '../../store/backup/database-backup.ts';

export interface BackupInput {
  /** DATABASE_URL of the database to back up. */
  databaseUrl: string | undefined;
  file: string;
  force?: boolean;
}

/**
 * `sousei backup FILE`: a consistent online backup while the server goes on writing (SQLite's
 * backup API; PostgreSQL's pg_dump, custom format). It does not migrate first: a migration
 * takes a write lock, and a backup must never wait for, or hold up, the server's writes.
 */
export async function backupDatabase(
  input: BackupInput,
): Promise<{ file: string; target: string }> {
  const file = resolve(input.file);
  const target = await backupStore(input.databaseUrl, file, { force: input.force });
  return { file, target };
}
