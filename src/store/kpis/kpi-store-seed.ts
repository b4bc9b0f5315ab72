import { databaseOf } from '../raw-database.ts';
import type { Store } from '../store.ts';
import { insertTestPlan } from '../test-plan.ts';

export const SEED_NOW = '2026-11-30T00:00:00.000Z';

/**
 * Test data for the KPI and evaluation store suites: a plan of two municipalities' worth (a
 * goal and a project each), with R2 published, R3 open and R4 locked in the first one.
 */
export async function seedPlan(store: Store, code: string) {
  const db = databaseOf(store);
  const plan = await insertTestPlan(store, code, { now: SEED_NOW, projects: ['1'] });
  const [projectId] = plan.projectIds as [number];
  for (const [fiscalYear, status] of [
    [2020, 'published'],
    [2021, 'open'],
    [2022, 'locked'],
  ] as const) {
    await db
      .insertInto('plan_years')
      .values({
        plan_id: plan.planId,
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
  return { planId: plan.planId, goalId: plan.goalId, projectId };
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
