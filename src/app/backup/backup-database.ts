import { resolve } from 'node:path';
import { backupDatabase as backupStore } from '../../store/backup/database-backup.ts';
import { openAppContext } from '../app-context.ts';

export interface BackupInput {
  /** DATABASE_URL of the database to back up. */
  databaseUrl: string | undefined;
  file: string;
  force?: boolean;
}

/**
 * `sousei backup FILE`: a consistent online backup while the server goes on writing (SQLite's
 * backup API; PostgreSQL's pg_dump, custom format). The store is opened first, so a database
 * that is missing or unreachable is reported as such, and its schema is current in the backup.
 */
export async function backupDatabase(
  input: BackupInput,
): Promise<{ file: string; target: string }> {
  const ctx = await openAppContext(input.databaseUrl);
  const target = ctx.store.describe;
  await ctx.store.close();
  const file = resolve(input.file);
  await backupStore(input.databaseUrl, file, { force: input.force });
  return { file, target };
}
