import { expect, it } from 'vitest';
import { type FinanceDetail, MURORAN_CONVENTIONS, type Plan } from '../../core/plan.ts';
import { databaseOf } from '../raw-database.ts';
import { describeEachDialect } from '../store-test-support.ts';

const NOW = '2026-11-30T00:00:00.000Z';
const CODE = '012050';

const SOURCES: FinanceDetail[] = [
  { label: '国庫支出金', kind: 'source', amount: 500_000 },
  { label: '一般財源', kind: 'source', amount: null },
  { label: '人件費', kind: 'staff', amount: 7_900_000 },
  { label: 'トータルコスト', kind: 'total', amount: 9_100_000 },
];

function plan(details2020: FinanceDetail[] | undefined, tags: string[] | undefined): Plan {
  return {
    municipality: { code: CODE, name: '室蘭市' },
    plan: {
      title: '事務事業評価',
      kind: '事務事業評価',
      firstFiscalYear: 2020,
      lastFiscalYear: 2024,
      levels: ['政策', '事務事業'],
    },
    amountUnit: '千円',
    conventions: MURORAN_CONVENTIONS,
    nodes: [
      {
        title: 'しごと',
        children: [],
        projects: [
          {
            no: '0388',
            name: '移住促進',
            notes: [],
            department: null,
            finances: [
              {
                fiscalYear: 2020,
                budget: 1_200_000,
                settlement: 1_100_000,
                ...(details2020 ? { details: details2020 } : {}),
              },
              { fiscalYear: 2021, budget: 900_000, settlement: null },
            ],
            activities: [],
            ...(tags ? { tags } : {}),
          },
        ],
      },
    ],
    statedTotals: [],
  };
}

describeEachDialect('tags and finance details', (store) => {
  let planId = 0;
  const save = (p: Plan, fiscalYears = [2020, 2021]) =>
    store().plans.save({ plan: p, fiscalYears, now: NOW });
  const projectId = async () =>
    [...((await store().plans.loadIndexed(CODE, planId))?.projects.values() ?? [])][0]
      ?.id as number;

  it('stores a project tags and a year breakdown, and reads the same plan back', async () => {
    planId = await save(plan(SOURCES, ['総合戦略', '重点']));
    expect(await store().plans.load(CODE, planId)).toEqual(plan(SOURCES, ['総合戦略', '重点']));
  });

  it('replaces a changed breakdown on re-import and records the change in the history', async () => {
    const changed = [{ ...SOURCES[0], amount: 600_000 } as FinanceDetail, ...SOURCES.slice(2)];
    await save(plan(changed, ['総合戦略']));
    expect(await store().plans.load(CODE, planId)).toEqual(plan(changed, ['総合戦略']));
    const history = await store().history.list({ municipalityCode: CODE, planId });
    const recorded = history.filter((h) => h.target.type === 'finance-details');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ fiscalYear: 2020, before: SOURCES, after: changed });
    // The same breakdown again is no change.
    await save(plan(changed, ['総合戦略']));
    const again = await store().history.list({ municipalityCode: CODE, planId });
    expect(again.filter((h) => h.target.type === 'finance-details')).toHaveLength(1);
  });

  it('keeps the tags and the breakdown a re-imported file does not carry (a TSV has neither)', async () => {
    const stored = await store().plans.load(CODE, planId);
    await save(plan(undefined, undefined));
    expect(await store().plans.load(CODE, planId)).toEqual(stored);
  });

  it('keeps the breakdown when the entry form saves the year figures', async () => {
    const id = await projectId();
    const loaded = await store().plans.load(CODE, planId);
    const before = loaded?.nodes[0]?.projects[0]?.finances[0]?.details;
    const version = (await store().plans.loadIndexed(CODE, planId))?.projects.values().next().value
      ?.version as number;
    const outcome = await store().yearEntries.save({
      municipalityCode: CODE,
      planId,
      projectId: id,
      fiscalYear: 2020,
      userId: null,
      origin: 'web',
      at: NOW,
      expectedVersion: version,
      budget: 1_300_000,
      settlement: 1_100_000,
      activities: [],
      previousActivities: [],
    });
    expect(outcome.ok).toBe(true);
    const after = await store().plans.load(CODE, planId);
    expect(after?.nodes[0]?.projects[0]?.finances[0]).toMatchObject({
      budget: 1_300_000,
      details: before,
    });
  });

  it('refuses a breakdown change in a closed year, and keeps what was stored', async () => {
    const stored = await store().plans.load(CODE, planId);
    await store().years.setUp({
      municipalityCode: CODE,
      planId,
      fiscalYear: 2020,
      status: 'locked',
      at: NOW,
    });
    await expect(save(plan(SOURCES, ['総合戦略']), [2020])).rejects.toMatchObject({
      messageKey: 'year.locked',
    });
    expect(await store().plans.load(CODE, planId)).toEqual(stored);
  });

  it('drops the breakdown and the tags a re-imported file says are gone', async () => {
    await save(plan([], []), [2021]);
    // 2020 is locked: its breakdown stays; the tags belong to the plan and go.
    const loaded = await store().plans.load(CODE, planId);
    expect(loaded?.nodes[0]?.projects[0]?.tags).toBeUndefined();
    expect(loaded?.nodes[0]?.projects[0]?.finances[0]?.details).toHaveLength(3);
    const rows = await databaseOf(store())
      .selectFrom('project_finance_details')
      .select('fiscal_year')
      .where('municipality_code', '=', CODE)
      .execute();
    expect(new Set(rows.map((r) => r.fiscal_year))).toEqual(new Set([2020]));
  });

  it("never reads another municipality's breakdown", async () => {
    expect(await store().plans.load('011002', planId)).toBeUndefined();
    const rows = await databaseOf(store())
      .selectFrom('project_finance_details')
      .selectAll()
      .where('municipality_code', '=', '011002')
      .execute();
    expect(rows).toEqual([]);
  });
});
