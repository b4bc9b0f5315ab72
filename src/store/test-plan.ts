import { databaseOf } from './raw-database.ts';
import type { Store } from './store.ts';

/**
 * Test support for store suites: a minimal plan (R2–R6) of one municipality, with one goal and
 * the numbered projects under it. Raw inserts, as the plan's own module is not what those
 * suites test; each suite adds what it needs (years, users, KPIs).
 */
export async function insertTestPlan(
  store: Store,
  code: string,
  options: { now: string; projects: readonly string[] },
): Promise<{ planId: number; goalId: number; projectIds: number[] }> {
  const db = databaseOf(store);
  await store.municipalities.ensure({ code, name: `市${code}` }, options.now);
  const plan = await db
    .insertInto('plans')
    .values({
      municipality_code: code,
      title: `計画${code}`,
      kind: 'sousei',
      first_fiscal_year: 2020,
      last_fiscal_year: 2024,
      levels: JSON.stringify(['基本目標', '具体的な施策', '事業']),
      amount_unit: '千円',
      conventions: '{}',
      created_at: options.now,
      updated_at: options.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const goal = await db
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
  const projectIds: number[] = [];
  for (const [position, no] of options.projects.entries()) {
    const row = await db
      .insertInto('projects')
      .values({
        municipality_code: code,
        plan_id: plan.id,
        node_id: goal.id,
        position,
        no,
        name: `事業${no}`,
        notes: '[]',
        department_id: null,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    projectIds.push(row.id);
  }
  return { planId: plan.id, goalId: goal.id, projectIds };
}

/** An administrator of `code`, as the year transitions of store tests need one; returns its id. */
export async function insertTestAdmin(store: Store, code: string, now: string): Promise<number> {
  const user = await databaseOf(store)
    .insertInto('users')
    .values({
      municipality_code: code,
      email: `admin@${code}.example`,
      name: '管理者',
      role: 'admin',
      password_hash: 'x',
      created_at: now,
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return user.id;
}
