import { resolve } from 'node:path';
import { restoreDatabase as restoreStore } from '../../store/backup/database-backup.ts';
import { openAppContext } from '../app-context.ts';

export interface RestoreInput {
  /** DATABASE_URL of the database to restore into. */
  databaseUrl: string | undefined;
  file: string;
  /** Replace a database that already holds data. */
  force?: boolean;
}

/**
 * `sousei restore FILE`: brings a backup back into the configured database (the server stopped),
 * then opens it as every command does, which migrates a backup of an older version forward.
 */
export async function restoreDatabase(
  input: RestoreInput,
): Promise<{ file: string; target: string }> {
  const file = resolve(input.file);
  await restoreStore(input.databaseUrl, file, { force: input.force });
  const ctx = await openAppContext(input.databaseUrl);
  const target = ctx.store.describe;
  await ctx.store.close();
  return { file, target };
}
