import { SouseiError } from '../core/errors.ts';
import { openStore, type Store } from '../store/store.ts';

/** What every use case needs: the store and a clock (injected so tests can fix the time). */
export interface AppContext {
  store: Store;
  now(): string;
}

/** Opens the store named by `databaseUrl` (DATABASE_URL) and brings its schema up to date. */
export async function openAppContext(databaseUrl: string | undefined): Promise<AppContext> {
  const store = openStore(databaseUrl);
  const result = await store.migrate();
  if (result.error) {
    await store.close();
    const failed = result.results?.find((r) => r.status === 'Error');
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    // A refused connection is the operator's to fix, not a bug: say where we tried to go.
    if (/ECONNREFUSED|ENOTFOUND|does not exist|password authentication/i.test(message)) {
      throw new SouseiError('unavailable', 'database.unavailable', { target: store.describe });
    }
    throw new SouseiError('internal', 'database.migration-failed', {
      name: failed?.migrationName ?? '',
    });
  }
  return { store, now: () => new Date().toISOString() };
}
