import { Hono } from 'hono';
import type { ServerEnv } from '../env.ts';

/** The committee's evaluation: queue, 事業効果 and 今後の方針, comments by role, settings. */
export function evaluationRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  return app;
}
