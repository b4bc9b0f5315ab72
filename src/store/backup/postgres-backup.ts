import { SouseiError } from '../../core/errors.ts';
import { runTool } from './run-tool.ts';

/**
 * PostgreSQL backups through the client tools, as child processes: `pg_dump` in its custom
 * format (one consistent snapshot, taken while the server goes on writing) and `pg_restore`.
 * The password travels in PGPASSWORD, never on a command line other users can read. Where the
 * URL sets a `search_path` (one schema per test file, or per tenant of a shared database),
 * only that schema is dumped.
 */
interface Connection {
  dbname: string;
  env: NodeJS.ProcessEnv;
  schema?: string;
}

function connectionOf(connectionString: string): Connection {
  const url = new URL(connectionString);
  const env: NodeJS.ProcessEnv = {};
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = '';
  const options = url.searchParams.get('options') ?? '';
  const schema = /search_path=([A-Za-z_][A-Za-z0-9_]*)/.exec(options)?.[1];
  return { dbname: url.toString(), env, schema };
}

export async function backupPostgres(connectionString: string, file: string): Promise<void> {
  const c = connectionOf(connectionString);
  const schema = c.schema ? [`--schema=${c.schema}`] : [];
  await runTool(
    'pg_dump',
    [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      ...schema,
      `--file=${file}`,
      `--dbname=${c.dbname}`,
    ],
    c.env,
  );
}

/** Refuses a file pg_restore cannot read (checked before anything is written). */
export async function assertPostgresBackup(file: string): Promise<void> {
  try {
    await runTool('pg_restore', ['--list', file], {});
  } catch (error) {
    if (error instanceof SouseiError && error.messageKey === 'backup.tool-failed') {
      throw new SouseiError('invalid-input', 'backup.not-a-backup', {
        path: file,
        detail: String(error.params.detail ?? ''),
      });
    }
    throw error;
  }
}

/**
 * Replaces what the backup holds in the configured database, in one transaction: a failure
 * leaves the database as it was.
 */
export async function restorePostgres(file: string, connectionString: string): Promise<void> {
  const c = connectionOf(connectionString);
  await runTool(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${c.dbname}`,
      file,
    ],
    c.env,
  );
}
