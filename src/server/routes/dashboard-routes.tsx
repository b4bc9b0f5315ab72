import { Hono } from 'hono';
import type { ServerEnv } from '../env.ts';

/** The dashboard (charts with table fallbacks and downloads) and the validation page before publishing. */
export function dashboardRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  return app;
}
