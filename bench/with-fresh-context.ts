import { type AppContext, openAppContext } from '../src/app/app-context.ts';
import type { DialectName } from '../src/store/database.ts';
import { createTestDatabase } from '../src/store/test-databases.ts';

/** Runs `fn` on an app context over a new, empty database of `dialect`, dropped afterwards. */
export async function withFreshContext<T>(
  dialect: DialectName,
  fn: (ctx: AppContext) => Promise<T>,
): Promise<T> {
  const database = await createTestDatabase(dialect);
  const ctx = await openAppContext(database.url);
  try {
    return await fn(ctx);
  } finally {
    await ctx.store.close();
    await database.drop();
  }
}
