import { beforeAll, expect, it } from 'vitest';
import type { KpiFields } from '../../core/kpi-record.ts';
import { describeEachDialect } from '../store-test-support.ts';
import { historyOf, SEED_NOW, seedPlan } from './kpi-store-seed.ts';

const W = { userId: null, origin: 'web' as const, now: SEED_NOW };

const fields = (projectId: number): KpiFields => ({
  scope: 'project',
  nodeId: null,
  projectId,
  name: '相談件数',
  unit: '件',
  direction: 'higher',
  kind: 'annual',
  baselineValue: null,
  baselineFiscalYear: null,
  targetValue: 100,
  targetFiscalYear: 2024,
  yearTargets: [{ fiscalYear: 2021, value: 40 }],
});

describeEachDialect('kpi store', (store) => {
  let plan: Awaited<ReturnType<typeof seedPlan>>;
  let other: Awaited<ReturnType<typeof seedPlan>>;
  beforeAll(async () => {
    plan = await seedPlan(store(), '012050');
    other = await seedPlan(store(), '011002');
  });

  it('creates a KPI in the open year and records it in the history', async () => {
    const id = await store().kpis.save(
      { municipalityCode: '012050', planId: plan.planId, fields: fields(plan.projectId) },
      W,
    );
    const [kpi] = await store().kpis.list('012050', plan.planId);
    expect(kpi).toMatchObject({ id, introducedIn: 2021, projectId: plan.projectId });
    expect(kpi?.definition.yearTargets).toEqual([{ fiscalYear: 2021, value: 40 }]);
    const history = await historyOf(store(), plan.planId);
    expect(history).toEqual([
      {
        target: { type: 'kpi', kpiId: id },
        fiscalYear: 2021,
        projectId: plan.projectId,
        before: null,
        after: expect.objectContaining({ name: '相談件数', targetValue: 100 }),
        origin: 'web',
      },
    ]);
  });

  it('records an edit with before and after, and nothing when nothing changed', async () => {
    const [kpi] = await store().kpis.list('012050', plan.planId);
    const id = kpi?.id ?? -1;
    const edited = { ...fields(plan.projectId), targetValue: 120 };
    await store().kpis.save(
      { municipalityCode: '012050', planId: plan.planId, kpiId: id, fields: edited },
      W,
    );
    await store().kpis.save(
      { municipalityCode: '012050', planId: plan.planId, kpiId: id, fields: edited },
      W,
    );
    const history = (await historyOf(store(), plan.planId)).filter((h) => h.target.type === 'kpi');
    expect(history).toHaveLength(2);
    expect(history[1]?.before.targetValue).toBe(100);
    expect(history[1]?.after.targetValue).toBe(120);
  });

  it('writes an actual of the open year with its history; refuses published and locked years', async () => {
    const [kpi] = await store().kpis.list('012050', plan.planId);
    const kpiId = kpi?.id ?? -1;
    const actual = (fiscalYear: number) => ({ fiscalYear, value: 30, asOf: null, source: null });
    await store().kpis.saveActual({ municipalityCode: '012050', kpiId, actual: actual(2021) }, W);
    for (const fy of [2020, 2022]) {
      await expect(
        store().kpis.saveActual({ municipalityCode: '012050', kpiId, actual: actual(fy) }, W),
      ).rejects.toMatchObject({ code: 'conflict', messageKey: 'year.locked' });
    }
    const [after] = await store().kpis.list('012050', plan.planId);
    expect(after?.actuals.map((a) => [a.fiscalYear, a.value])).toEqual([[2021, 30]]);
    const history = (await historyOf(store(), plan.planId)).filter(
      (h) => h.target.type === 'kpi-actual',
    );
    expect(history).toEqual([
      expect.objectContaining({
        target: { type: 'kpi-actual', kpiId },
        fiscalYear: 2021,
        before: null,
        after: { value: 30, asOf: null, source: null, entryId: null },
      }),
    ]);
  });

  it('is scoped to the municipality: another one neither reads nor writes the KPI', async () => {
    const [kpi] = await store().kpis.list('012050', plan.planId);
    const kpiId = kpi?.id ?? -1;
    expect(await store().kpis.list('011002', plan.planId)).toEqual([]);
    await expect(
      store().kpis.saveActual(
        {
          municipalityCode: '011002',
          kpiId,
          actual: { fiscalYear: 2021, value: 1, asOf: null, source: null },
        },
        W,
      ),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(
      store().kpis.save(
        {
          municipalityCode: '011002',
          planId: other.planId,
          kpiId,
          fields: fields(other.projectId),
        },
        W,
      ),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('rolls the KPI and its history back with the caller transaction', async () => {
    const before = (await store().kpis.list('011002', other.planId)).length;
    const changes = (await historyOf(store(), other.planId)).length;
    await expect(
      store().transaction(async (tx) => {
        await tx.kpis.save(
          { municipalityCode: '011002', planId: other.planId, fields: fields(other.projectId) },
          W,
        );
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await store().kpis.list('011002', other.planId)).toHaveLength(before);
    expect(await historyOf(store(), other.planId)).toHaveLength(changes);
  });
});
