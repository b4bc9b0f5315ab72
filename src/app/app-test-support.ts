import { afterAll, beforeAll } from 'vitest';
import type { DialectName } from '../store/database.ts';
import { createTestDatabase, type TestDatabase } from '../store/test-databases.ts';
import { type AppContext, openAppContext } from './app-context.ts';

/**
 * Test support: an app context on a fresh database for the enclosing `describe`, opened before
 * its tests and dropped after them. Call it inside the `describe`; use the getter in tests.
 */
export function useTestContext(dialect: DialectName = 'sqlite'): () => AppContext {
  let database: TestDatabase | undefined;
  let ctx: AppContext | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ctx = await openAppContext(database.url);
  });
  afterAll(async () => {
    await ctx?.store.close();
    await database?.drop();
  });
  return () => {
    if (!ctx) throw new Error('the test context is not open');
    return ctx;
  };
}
