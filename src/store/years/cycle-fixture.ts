import { databaseOf } from '../raw-database.ts';
import type { Store } from '../store.ts';

export const NOW = '2026-11-30T00:00:00.000Z';

/**
 * A minimal plan for the cycle's store tests: one municipality, one plan (R2–R6) with one node
 * and two projects, and a user. Raw inserts: the plan's own modules are not what is tested.
 */
export async function cycleFixture(store: Store, code: string) {
  const db = databaseOf(store);
  await store.municipalities.ensure({ code, name: `市${code}` }, NOW);
  const plan = await db
    .insertInto('plans')
    .values({
      municipality_code: code,
      title: `計画${code}`,
      kind: 'sousei',
      first_fiscal_year: 2020,
      last_fiscal_year: 2024,
      levels: '[]',
      amount_unit: '千円',
      conventions: '{}',
      created_at: NOW,
      updated_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const node = await db
    .insertInto('plan_nodes')
    .values({
      municipality_code: code,
      plan_id: plan.id,
      parent_id: null,
      depth: 0,
      position: 0,
      title: '目標',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const project = (no: string, position: number) =>
    db
      .insertInto('projects')
      .values({
        municipality_code: code,
        plan_id: plan.id,
        node_id: node.id,
        position,
        no,
        name: `事業${no}`,
        notes: '[]',
        department_id: null,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const [p1, p2] = [await project('1', 0), await project('2', 1)];
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
  return { planId: plan.id, p1: p1.id, p2: p2.id, userId: user.id };
}
