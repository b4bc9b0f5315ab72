import { SouseiError } from '../../core/errors.ts';
import { copyDatabase, type TableCount } from '../../store/copy/copy-database.ts';
import { TABLE_COPIES } from '../../store/copy/copy-tables.ts';
import { type AppContext, openAppContext } from '../app-context.ts';
import { type CopyDifference, type Verification, verifyCopy } from './verify-copy.ts';

export interface CopyInput {
  /** DATABASE_URL of the installation to copy (it is only read). */
  from: string;
  /** DATABASE_URL of an empty database (migrated here) to copy into. */
  to: string;
  /** Rows per read; tests set a small one so the copy crosses chunk boundaries. */
  chunkRows?: number;
}

export type { CopyDifference };

export interface CopyOutcome extends Verification {
  from: string;
  to: string;
  tables: TableCount[];
  /** Tables that do not move, by design (copy-tables.ts). */
  skipped: string[];
}

/**
 * `sousei copy --from URL --to URL`: moves an installation between databases of either
 * dialect (SQLite ↔ PostgreSQL), keeping every id, in one transaction on the target, then
 * verifies the copy against the source (verify-copy.ts). Both are brought to the latest
 * schema first, as every command does, so the tables match column for column.
 */
export async function copyInstallation(input: CopyInput): Promise<CopyOutcome> {
  const source = await openAppContext(input.from);
  let target: AppContext | undefined;
  try {
    target = await openAppContext(input.to);
    if (target.store.describe === source.store.describe) {
      throw new SouseiError('usage', 'copy.same-database', { target: source.store.describe });
    }
    const tables = await copyDatabase(source.store, target.store, input.chunkRows);
    const verification = await verifyCopy(source, target);
    return {
      from: source.store.describe,
      to: target.store.describe,
      tables,
      skipped: Object.entries(TABLE_COPIES)
        .filter(([, copy]) => 'skip' in copy)
        .map(([name]) => name),
      ...verification,
    };
  } finally {
    await target?.store.close();
    await source.store.close();
  }
}
