import { databaseOf } from '../raw-database.ts';
import type { Store } from '../store.ts';
import { insertTestPlan } from '../test-plan.ts';

export const NOW = '2026-11-30T00:00:00.000Z';

/**
 * A minimal plan for the cycle's store tests: one municipality, one plan (R2–R6) with one node
 * and two projects, and a user. Raw inserts: the plan's own modules are not what is tested.
 */
export async function cycleFixture(store: Store, code: string) {
  const db = databaseOf(store);
  const plan = await insertTestPlan(store, code, { now: NOW, projects: ['1', '2'] });
  const [p1, p2] = plan.projectIds as [number, number];
  const user = await db
    .insertInto('users')
    .values({
      municipality_code: code,
      email: `admin@${code}.example`,
      name: '管理者',
      role: 'admin',
      password_hash: 'x',
      created_at: NOW,
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { planId: plan.planId, p1, p2, userId: user.id };
}
