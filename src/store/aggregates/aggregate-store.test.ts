import { expect, it } from 'vitest';
import { databaseOf } from '../raw-database.ts';
import type { Store } from '../store.ts';
import { describeEachDialect } from '../store-test-support.ts';
import { insertTestAdmin, insertTestPlan } from '../test-plan.ts';

const NOW = '2026-11-30T00:00:00.000Z';

/**
 * A plan (one goal, three projects) with amounts for R2 and R3 and two KPIs (one reaching its
 * target, one at half), R2 locked and R3 open, and the administrator who moves the years.
 */
async function fixture(store: Store, code: string) {
  const db = databaseOf(store);
  const plan = await insertTestPlan(store, code, { now: NOW, projects: ['1', '2', '3'] });
  const [p1, p2, p3] = plan.projectIds as [number, number, number];
  const finances = [
    [p1, 2020, 1_000_000, 900_000],
    [p2, 2020, 500_000, null],
    [p3, 2020, null, null],
    [p1, 2021, 7_000_000, 7_000_000],
  ] as const;
  for (const [project_id, fiscal_year, budget, settlement] of finances) {
    await db
      .insertInto('project_finances')
      .values({ project_id, municipality_code: code, fiscal_year, budget, settlement })
      .execute();
  }
  for (const [position, actual] of [
    [0, 100],
    [1, 50],
  ] as const) {
    const kpi = await db
      .insertInto('kpis')
      .values({
        municipality_code: code,
        plan_id: plan.planId,
        scope: 'goal',
        node_id: plan.goalId,
        project_id: null,
        position,
        name: `指標${position}`,
        unit: '件',
        direction: 'higher',
        kind: 'annual',
        baseline_value: null,
        baseline_fiscal_year: null,
        target_value: 100,
        target_fiscal_year: 2024,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const fiscal_year of [2020, 2021]) {
      await db
        .insertInto('kpi_actuals')
        .values({
          kpi_id: kpi.id,
          municipality_code: code,
          fiscal_year,
          value: actual,
          as_of: null,
          source: null,
          entry_id: null,
          updated_at: NOW,
          updated_by: null,
        })
        .execute();
    }
  }
  const userId = await insertTestAdmin(store, code, NOW);
  const step = (fiscalYear: number, action: 'open' | 'lock' | 'publish' | 'unpublish') =>
    store.years.transition({
      municipalityCode: code,
      planId: plan.planId,
      fiscalYear,
      action,
      reason: null,
      userId,
      at: NOW,
    });
  await step(2020, 'open');
  await step(2020, 'lock');
  await step(2021, 'open');
  return { planId: plan.planId, userId, step };
}

describeEachDialect('aggregate store', (store) => {
  it('publishing a year writes its figures and KPI bands; the open year never appears', async () => {
    const f = await fixture(store(), '012050');
    const all = { fiscalYear: null, prefectureCode: '01' };
    expect(await store().aggregates.byPlan(all)).toEqual([]);
    await f.step(2020, 'publish');
    const rows = await store().aggregates.byPlan(all);
    expect(rows).toEqual([
      {
        fiscalYear: 2020,
        municipalityCode: '012050',
        municipalityName: '市012050',
        // The test plan's name ends in digits: neither 市, 町 nor 村.
        kind: 'other',
        planId: f.planId,
        planTitle: '計画012050',
        scaleId: 'national',
        projectCount: 3,
        projectsWithFigures: 1,
        budget: 1_500_000,
        settlement: 900_000,
        kpiCount: 2,
        // National scale: 100 % is 非常に効果的であった, 50 % is 効果があった.
        kpiBands: [1, 0, 1, 0],
        kpiNoActual: 0,
        kpiAchieved: 1,
      },
    ]);
    const goals = await store().aggregates.byGoal({ fiscalYear: 2020, prefectureCode: null });
    expect(goals.map((g) => [g.municipalityCode, g.goalPosition, g.goalTitle, g.budget])).toEqual(
      expect.arrayContaining([['012050', 0, '目標', 1_500_000]]),
    );
    expect(await store().aggregates.byPlan({ fiscalYear: 2021, prefectureCode: null })).toEqual([]);
    expect(await store().aggregates.years()).toContain(2020);
    expect(await store().aggregates.years()).not.toContain(2021);
  });

  it('withdrawing a year removes its rows in the same step', async () => {
    const f = await fixture(store(), '012068');
    const mine = { fiscalYear: null, prefectureCode: '01' };
    await f.step(2020, 'publish');
    expect((await store().aggregates.byPlan(mine)).map((r) => r.municipalityCode)).toContain(
      '012068',
    );
    await f.step(2020, 'unpublish');
    expect((await store().aggregates.byPlan(mine)).map((r) => r.municipalityCode)).not.toContain(
      '012068',
    );
  });

  it('a failed publish writes no aggregates (they roll back with the step)', async () => {
    const f = await fixture(store(), '012076');
    await expect(
      store().transaction(async (tx) => {
        await tx.years.transition({
          municipalityCode: '012076',
          planId: f.planId,
          fiscalYear: 2020,
          action: 'publish',
          reason: null,
          userId: f.userId,
          at: NOW,
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = await store().aggregates.byPlan({ fiscalYear: 2020, prefectureCode: '01' });
    expect(rows.map((r) => r.municipalityCode)).not.toContain('012076');
  });

  it('filters by kind and sums each published year over the plans kept', async () => {
    const f = await fixture(store(), '272035');
    await databaseOf(store())
      .updateTable('municipalities')
      .set({ name: '豊中市' })
      .where('code', '=', '272035')
      .execute();
    await f.step(2020, 'publish');
    const osaka = { prefectureCode: '27', fiscalYear: null };
    const cities = await store().aggregates.byPlan({ ...osaka, kind: 'city' });
    expect(cities.map((r) => [r.municipalityName, r.kind])).toEqual([['豊中市', 'city']]);
    expect(await store().aggregates.byPlan({ ...osaka, kind: 'town' })).toEqual([]);
    expect(await store().aggregates.totals({ ...osaka, kind: 'city' })).toEqual([
      {
        fiscalYear: 2020,
        municipalityCount: 1,
        projectCount: 3,
        projectsWithFigures: 1,
        budget: 1_500_000,
        settlement: 900_000,
        kpiCount: 2,
        kpiBands: [1, 0, 1, 0],
        kpiNoActual: 0,
        kpiAchieved: 1,
      },
    ]);
    expect(await store().aggregates.totals({ ...osaka, kind: 'village' })).toEqual([]);
  });

  it('filters by prefecture code', async () => {
    const f = await fixture(store(), '131016');
    await f.step(2020, 'publish');
    const tokyo = await store().aggregates.byPlan({ fiscalYear: 2020, prefectureCode: '13' });
    expect(tokyo.map((r) => r.municipalityCode)).toEqual(['131016']);
    const hyogo = await store().aggregates.byPlan({ fiscalYear: 2020, prefectureCode: '28' });
    expect(hyogo).toEqual([]);
  });
});
