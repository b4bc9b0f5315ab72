import { Hono } from 'hono';
import type { ServerEnv } from '../env.ts';

/** Entry forms and the yearly workflow: edit a project's year, submit, review, lock, publish. */
export function entryRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  return app;
}
