import type { Actor } from '../../core/permissions.ts';
import type { DialectName } from '../../store/database.ts';
import { createTestDatabase } from '../../store/test-databases.ts';
import { type AppContext, openAppContext } from '../app-context.ts';
import { findUserByEmail, loadActor } from '../auth/users.ts';
import { setUpDemo } from '../demo.ts';

/**
 * Test support for the KPI use cases: the demo world (sample plan of 012050, R2 published, R3
 * open, one account per role) on a fresh database of the dialect, with the ids tests need.
 */
export interface KpiWorld {
  ctx: AppContext;
  planId: number;
  /** Project ids by number ('1', '14', …). */
  project: (no: string) => number;
  /** Node id by title. */
  node: (title: string) => number;
  actor: (email: string) => Promise<Actor>;
  close(): Promise<void>;
}

export const EMAIL = {
  admin: 'kikaku@demo.sousei.example',
  industry: 'sangyo@demo.sousei.example',
  childcare: 'kosodate@demo.sousei.example',
  committee: 'iin@demo.sousei.example',
} as const;

export const GOAL = '1. まちの特性を活かした産業振興と魅力ある雇用の場の創出';
export const MEASURE = '地元企業への就職促進とUIターン の推進';

export async function kpiWorld(dialect: DialectName): Promise<KpiWorld> {
  const database = await createTestDatabase(dialect);
  const ctx = await openAppContext(database.url);
  await setUpDemo(ctx);
  const [plan] = await ctx.store.plans.list();
  if (!plan) throw new Error('the demo has no plan');
  const { nodes, projects } = await ctx.store.kpis.tree(plan.municipalityCode, plan.id);
  return {
    ctx,
    planId: plan.id,
    project: (no) => projects.find((p) => p.no === no)?.id ?? -1,
    node: (title) => nodes.find((n) => n.title === title)?.id ?? -1,
    async actor(email) {
      const user = await findUserByEmail(ctx, email);
      const actor = await loadActor(ctx, user.id);
      if (!actor) throw new Error(`no actor ${email}`);
      return actor;
    },
    async close() {
      await ctx.store.close();
      await database.drop();
    },
  };
}
