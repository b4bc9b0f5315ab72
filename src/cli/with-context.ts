import { type AppContext, openAppContext } from '../app/app-context.ts';

export interface GlobalOptions {
  database?: string;
}

/** Opens the store for one command and always closes it, so the process can exit. */
export async function withContext<T>(
  options: GlobalOptions,
  run: (ctx: AppContext) => Promise<T>,
): Promise<T> {
  const ctx = await openAppContext(options.database ?? process.env.DATABASE_URL);
  try {
    return await run(ctx);
  } finally {
    await ctx.store.close();
  }
}
