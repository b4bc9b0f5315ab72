import { afterAll, beforeAll, describe } from 'vitest';
import { openStore, type Store } from './store.ts';
import {
  createTestDatabase,
  DIALECTS,
  dialectAvailable,
  type TestDatabase,
} from './test-databases.ts';

/**
 * Runs one store suite on SQLite and on PostgreSQL, each on a fresh, migrated database (as
 * Kysely tests itself). `store()` is the open store of the dialect being run.
 */
export function describeEachDialect(name: string, suite: (store: () => Store) => void): void {
  for (const dialect of DIALECTS) {
    describe.skipIf(!dialectAvailable(dialect))(`${name} (${dialect})`, () => {
      let database: TestDatabase | undefined;
      let opened: Store | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(dialect);
        opened = openStore(database.url);
        const result = await opened.migrate();
        if (result.error) throw result.error;
      });
      afterAll(async () => {
        await opened?.close();
        await database?.drop();
      });
      suite(() => {
        if (!opened) throw new Error('store not open');
        return opened;
      });
    });
  }
}
