import { Hono } from 'hono';
import type { ServerEnv } from '../env.ts';

/** Read-only pages of a plan: a project, the progress report, search. */
export function readRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  return app;
}
