import { beforeAll, expect, it } from 'vitest';
import type { KpiFields } from '../../core/kpi-record.ts';
import { databaseOf } from '../raw-database.ts';
import { describeEachDialect } from '../store-test-support.ts';
import type { ImportedKpi } from './diff-imported-kpis.ts';
import { historyOf, SEED_NOW, seedPlan } from './kpi-store-seed.ts';

const W = { userId: null, origin: 'import' as const, now: SEED_NOW };

const fields = (projectId: number, name: string): KpiFields => ({
  scope: 'project',
  nodeId: null,
  projectId,
  name,
  unit: '件',
  direction: 'higher',
  kind: 'annual',
  baselineValue: null,
  baselineFiscalYear: null,
  targetValue: 100,
  targetFiscalYear: 2024,
  yearTargets: [{ fiscalYear: 2021, value: 40 }],
  category: null,
});

const actual = (fiscalYear: number, value: number) => ({
  fiscalYear,
  value,
  asOf: null,
  source: 'file.xlsx',
});

describeEachDialect('kpi store: imported KPIs in one pass', (store) => {
  const code = '012050';
  let plan: Awaited<ReturnType<typeof seedPlan>>;
  let items: ImportedKpi[];
  const run = (list: readonly ImportedKpi[]) =>
    store().kpis.replaceImportedAll(
      { municipalityCode: code, planId: plan.planId, items: list },
      W,
    );
  const imported = async () =>
    (await store().kpis.list(code, plan.planId)).filter((k) =>
      k.definition.name.startsWith('取込'),
    );

  const lockYear = (fiscalYear: number) =>
    databaseOf(store())
      .insertInto('plan_years')
      .values({
        plan_id: plan.planId,
        municipality_code: code,
        fiscal_year: fiscalYear,
        status: 'locked',
        updated_at: SEED_NOW,
        updated_by: null,
        published_at: null,
        publish_override: null,
      })
      .execute();

  beforeAll(async () => {
    plan = await seedPlan(store(), code);
    // 1,200 KPIs: more than one multi-row chunk of KPIs, targets and actuals.
    items = Array.from({ length: 1200 }, (_, i) => ({
      fields: fields(plan.projectId, `取込${i}`),
      actuals: [actual(2019, i), actual(2021, i * 2)],
    }));
  });

  it('inserts new KPIs with their targets and actuals, one create record each', async () => {
    await run(items);
    const kpis = await imported();
    expect(kpis).toHaveLength(1200);
    expect(kpis[7]).toMatchObject({ introducedIn: 2021, projectId: plan.projectId });
    expect(kpis[7]?.definition.yearTargets).toEqual([{ fiscalYear: 2021, value: 40 }]);
    expect(kpis[7]?.actuals.map((a) => [a.fiscalYear, a.value, a.source])).toEqual([
      [2019, 7, 'file.xlsx'],
      [2021, 14, 'file.xlsx'],
    ]);
    const history = await historyOf(store(), plan.planId);
    expect(history.filter((h) => h.target.type === 'kpi' && h.before === null)).toHaveLength(1200);
  });

  it('writes nothing and records nothing when the same KPIs come again', async () => {
    const ids = (await imported()).map((k) => k.id);
    const changes = (await historyOf(store(), plan.planId)).length;
    await run(items);
    expect((await imported()).map((k) => k.id)).toEqual(ids);
    expect(await historyOf(store(), plan.planId)).toHaveLength(changes);
  });

  it('updates a changed KPI in place with one history record', async () => {
    const before = await imported();
    const changes = (await historyOf(store(), plan.planId)).length;
    const changed = items.map((it, i) =>
      i === 3 ? { ...it, actuals: [actual(2019, 3), actual(2021, 999)] } : it,
    );
    await run(changed);
    const after = await imported();
    expect(after.map((k) => k.id)).toEqual(before.map((k) => k.id));
    expect(after[3]?.actuals.map((a) => a.value)).toEqual([3, 999]);
    const history = (await historyOf(store(), plan.planId)).slice(changes);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      target: { type: 'kpi', kpiId: before[3]?.id },
      before: { name: '取込3', actuals: [{ value: 3 }, { value: 6 }] },
      after: { name: '取込3', actuals: [{ value: 3 }, { value: 999 }] },
    });
    items = changed;
  });

  it('refuses a change to an actual of a closed year and writes nothing', async () => {
    await lockYear(2019);
    const before = await imported();
    const changes = (await historyOf(store(), plan.planId)).length;
    const changed = items.map((it, i) => {
      if (i === 5) return { ...it, actuals: [actual(2019, 555), actual(2021, 10)] };
      if (i === 6) return { ...it, fields: { ...it.fields, unit: '人' } };
      return it;
    });
    await expect(
      run([...changed, { fields: fields(plan.projectId, '取込新'), actuals: [] }]),
    ).rejects.toMatchObject({
      messageKey: 'year.locked',
    });
    expect(await imported()).toEqual(before);
    expect(await historyOf(store(), plan.planId)).toHaveLength(changes);
  });

  it('refuses a new actual in a published year', async () => {
    const extra = items.map((it, i) =>
      i === 9 ? { ...it, actuals: [...it.actuals, actual(2020, 1)] } : it,
    );
    await expect(run(extra)).rejects.toMatchObject({ messageKey: 'year.locked' });
  });

  it('accepts a closed year whose actual does not change', async () => {
    await run(
      items.map((it, i) =>
        i === 5 ? { ...it, actuals: [actual(2019, 5), actual(2021, 11)] } : it,
      ),
    );
    expect((await imported())[5]?.actuals.map((a) => a.value)).toEqual([5, 11]);
  });
});
