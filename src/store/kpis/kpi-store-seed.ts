import { databaseOf } from '../raw-database.ts';
import type { Store } from '../store.ts';

export const SEED_NOW = '2026-11-30T00:00:00.000Z';

/**
 * Test data for the KPI and evaluation store suites: a plan of two municipalities' worth (a
 * goal and a project each), with R2 published, R3 open and R4 locked in the first one.
 */
export async function seedPlan(store: Store, code: string) {
  const db = databaseOf(store);
  await store.municipalities.ensure({ code, name: code }, SEED_NOW);
  const plan = await db
    .insertInto('plans')
    .values({
      municipality_code: code,
      title: `計画 ${code}`,
      kind: 'sousei',
      first_fiscal_year: 2020,
      last_fiscal_year: 2024,
      levels: JSON.stringify(['基本目標', '具体的な施策', '事業']),
      amount_unit: '千円',
      conventions: '{}',
      created_at: SEED_NOW,
      updated_at: SEED_NOW,
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
  const project = await db
    .insertInto('projects')
    .values({
      municipality_code: code,
      plan_id: plan.id,
      node_id: goal.id,
      position: 0,
      no: '1',
      name: '事業',
      notes: '',
      department_id: null,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [fiscalYear, status] of [
    [2020, 'published'],
    [2021, 'open'],
    [2022, 'locked'],
  ] as const) {
    await db
      .insertInto('plan_years')
      .values({
        plan_id: plan.id,
        municipality_code: code,
        fiscal_year: fiscalYear,
        status,
        updated_at: SEED_NOW,
        updated_by: null,
        published_at: null,
        publish_override: null,
      })
      .execute();
  }
  return { planId: plan.id, goalId: goal.id, projectId: project.id };
}

/** The history rows of a plan, oldest first, parsed. */
export async function historyOf(store: Store, planId: number) {
  const rows = await databaseOf(store)
    .selectFrom('changes')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    target: JSON.parse(r.target),
    fiscalYear: r.fiscal_year,
    projectId: r.project_id,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
    origin: r.origin,
  }));
}
