import { expect, it } from 'vitest';
import { MURORAN_CONVENTIONS, type Plan } from '../../core/plan.ts';
import { databaseOf } from '../raw-database.ts';
import { describeEachDialect } from '../store-test-support.ts';

const NOW = '2026-11-30T00:00:00.000Z';

function plan(code: string, budget: number, activities = ['創業相談']): Plan {
  return {
    municipality: { code, name: code === '012050' ? '室蘭市' : '札幌市' },
    plan: {
      title: '総合戦略',
      kind: '総合戦略',
      firstFiscalYear: 2020,
      lastFiscalYear: 2024,
      levels: ['基本目標', '施策'],
    },
    amountUnit: '千円',
    conventions: MURORAN_CONVENTIONS,
    nodes: [
      {
        title: 'しごと',
        children: [
          {
            title: '創業',
            children: [],
            projects: [
              {
                no: '1',
                name: '創業支援',
                notes: [],
                department: '産業振興課',
                finances: [
                  { fiscalYear: 2020, budget, settlement: null },
                  { fiscalYear: 2021, budget: budget + 1000, settlement: 500_000 },
                ],
                activities: activities.map((text) => ({
                  title: text,
                  text,
                  source: `☐${text}`,
                  relistOf: null,
                  entries: [
                    { kind: 'result', fiscalYear: 2020, yearLabel: 'R2', text: '41件', kpi: false },
                  ],
                })),
              },
            ],
          },
        ],
        projects: [],
      },
    ],
    statedTotals: [{ fiscalYear: 2020, budget, settlement: null }],
  };
}

describeEachDialect('plan store', (store) => {
  let planId = 0;

  it('saves a plan with its import run and reads the same plan back', async () => {
    planId = await store().plans.save({
      plan: plan('012050', 1_200_000),
      fiscalYears: [2020, 2021],
      now: NOW,
      run: { fileName: 'a.tsv', sha256: 'x', format: 'tsv', summary: {} },
    });
    expect(await store().plans.load('012050', planId)).toEqual(plan('012050', 1_200_000));
    expect(await store().plans.findId('012050', '総合戦略')).toBe(planId);
    expect(await store().plans.municipalityOf(planId)).toBe('012050');
    expect((await store().plans.list('012050')).map((p) => p.id)).toEqual([planId]);
    expect(await store().plans.hasAny()).toBe(true);
    const projectId = [
      ...((await store().plans.loadIndexed('012050', planId))?.projects.values() ?? []),
    ][0]?.id as number;
    expect(await store().plans.finance('012050', projectId, 2021)).toEqual({
      budget: 1_201_000,
      settlement: 500_000,
    });
    expect(await store().plans.finance('011002', projectId, 2021)).toBeUndefined();
    expect(await store().plans.finance('012050', projectId, 2023)).toBeUndefined();
    const { projectNos, nodeTitles } = await store().plans.names('012050', planId);
    expect([...projectNos.values()]).toEqual(['1']);
    expect([...nodeTitles.values()].sort()).toEqual(['しごと', '創業']);
  });

  it('keeps municipalities apart: another city neither reads nor overwrites the plan', async () => {
    expect(await store().plans.load('011002', planId)).toBeUndefined();
    expect(await store().plans.summary('011002', planId)).toBeUndefined();
    const other = await store().plans.save({
      plan: plan('011002', 5_000),
      fiscalYears: [2020],
      now: NOW,
    });
    expect(other).not.toBe(planId);
    expect((await store().plans.load('012050', planId))?.statedTotals[0]?.budget).toBe(1_200_000);
    expect((await store().plans.names('011002', planId)).projectNos.size).toBe(0);
  });

  it('refuses to write a published or locked year, naming it, and writes nothing', async () => {
    const db = databaseOf(store());
    for (const [fiscalYear, status] of [
      [2020, 'published'],
      [2021, 'locked'],
    ] as const) {
      await db
        .insertInto('plan_years')
        .values({
          plan_id: planId,
          municipality_code: '012050',
          fiscal_year: fiscalYear,
          status,
          updated_at: NOW,
          updated_by: null,
          published_at: null,
          publish_override: null,
        })
        .execute();
    }
    expect(await store().years.statuses('012050', planId)).toEqual(
      new Map([
        [2020, 'published'],
        [2021, 'locked'],
      ]),
    );
    const before = await store().plans.load('012050', planId);
    await expect(
      store().plans.save({
        plan: plan('012050', 9_999_000, ['創業相談', '新しい取組']),
        fiscalYears: [2020],
        now: NOW,
        run: { fileName: 'b.tsv', sha256: 'y', format: 'tsv', summary: {} },
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'year.locked',
      params: { fiscalYear: '令和2年度' },
    });
    // An import's records of a closed year are refused too (a mapped file's KPI actuals).
    await expect(
      store().plans.save({
        plan: plan('012050', 1_200_000),
        fiscalYears: [],
        now: NOW,
        records: {
          source: 'c.csv',
          kpis: [],
          evaluations: [
            { projectNo: '1', fiscalYear: 2021, effect: null, policy: '継続', comment: null },
          ],
        },
      }),
    ).rejects.toMatchObject({ messageKey: 'year.locked' });
    expect(await store().plans.load('012050', planId)).toEqual(before);
    const runs = await db.selectFrom('import_runs').select('file_name').execute();
    expect(runs.map((r) => r.file_name)).toEqual(['a.tsv']);
  });

  it('writes an open year and tags activities it adds with that year', async () => {
    // The added activity carries no entry of 2020: that published year takes no new entry.
    const next = plan('012050', 1_200_000, ['創業相談', '新しい取組']);
    const project = next.nodes[0]?.children[0]?.projects[0];
    const added = project?.activities[1];
    if (added) added.entries = [];
    const saved = await store().plans.save({
      plan: next,
      fiscalYears: [2022],
      now: NOW,
    });
    expect(saved).toBe(planId);
    const loaded = await store().plans.load('012050', planId);
    const activities = loaded?.nodes[0]?.children[0]?.projects[0]?.activities;
    expect(activities?.map((a) => a.introducedIn ?? null)).toEqual([null, 2022]);
  });

  it("gives a department only to its municipality's projects that have none", async () => {
    const sapporo = (await store().plans.findId('011002', '総合戦略')) as number;
    const dept = await store().departments.ensure('012050', '企画課');
    await store().plans.assignDepartment('012050', sapporo, ['1'], dept);
    expect(
      (await store().plans.loadIndexed('011002', sapporo))?.plan.nodes[0]?.children[0]?.projects[0]
        ?.department,
    ).toBe('産業振興課');
    const fresh = await store().plans.save({
      plan: { ...plan('012050', 1), plan: { ...plan('012050', 1).plan, title: '別計画' } },
      fiscalYears: [2020],
      now: NOW,
    });
    await store().plans.assignDepartment('012050', fresh, ['1'], dept);
    const ref = [
      ...((await store().plans.loadIndexed('012050', fresh))?.projects.values() ?? []),
    ][0];
    // Project 1 already has its department from the plan: kept.
    expect(ref?.departmentId).not.toBe(dept);
  });

  it('records in the history every figure a re-import changes, none on the first import', async () => {
    const titled = (budget: number) => ({
      ...plan('012050', budget),
      plan: { ...plan('012050', budget).plan, title: '履歴の計画' },
    });
    const id = await store().plans.save({ plan: titled(1_000_000), fiscalYears: [2020], now: NOW });
    const history = () =>
      databaseOf(store())
        .selectFrom('changes')
        .select(['fiscal_year', 'target', 'before', 'after', 'origin'])
        .where('plan_id', '=', id)
        .execute();
    expect(await history()).toEqual([]);
    await store().plans.save({ plan: titled(1_000_000), fiscalYears: [2020], now: NOW });
    expect(await history()).toEqual([]);
    await store().plans.save({ plan: titled(2_000_000), fiscalYears: [2020], now: NOW });
    expect(await history()).toEqual([
      {
        fiscal_year: 2020,
        target: JSON.stringify({ type: 'finance', field: 'budget' }),
        before: '1000000',
        after: '2000000',
        origin: 'import',
      },
    ]);
  });

  it("refuses an import's two KPIs of one project with one name, which would replace each other", async () => {
    const titled = {
      ...plan('012050', 1),
      plan: { ...plan('012050', 1).plan, title: '指標の計画' },
    };
    const kpi = (target: number) => ({
      projectNo: '1',
      definition: {
        name: '参加者数',
        unit: '人',
        direction: 'higher' as const,
        kind: 'annual' as const,
        baseline: null,
        target: { value: target, fiscalYear: 2024 },
        yearTargets: [],
      },
      actuals: [],
    });
    await expect(
      store().plans.save({
        plan: titled,
        fiscalYears: [],
        now: NOW,
        records: { source: 'k.xlsx', kpis: [kpi(10), kpi(20)], evaluations: [] },
      }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      messageKey: 'kpi.import.duplicate-name',
      params: { projectNo: '1', name: '参加者数' },
    });
    expect(await store().plans.findId('012050', '指標の計画')).toBeUndefined();
  });
});
