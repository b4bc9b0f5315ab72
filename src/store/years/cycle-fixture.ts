import type { Store } from '../store.ts';
import { insertTestAdmin, insertTestPlan } from '../test-plan.ts';

export const NOW = '2026-11-30T00:00:00.000Z';

/**
 * A minimal plan for the cycle's store tests: one municipality, one plan (R2–R6) with one node
 * and two projects, and a user. Raw inserts: the plan's own modules are not what is tested.
 */
export async function cycleFixture(store: Store, code: string) {
  const plan = await insertTestPlan(store, code, { now: NOW, projects: ['1', '2'] });
  const [p1, p2] = plan.projectIds as [number, number];
  return { planId: plan.planId, p1, p2, userId: await insertTestAdmin(store, code, NOW) };
}
