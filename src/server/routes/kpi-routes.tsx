import { Hono } from 'hono';
import type { ServerEnv } from '../env.ts';

/** KPIs and numerical goals: list with achievement, definitions, actuals, KPI results, import. */
export function kpiRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  return app;
}
