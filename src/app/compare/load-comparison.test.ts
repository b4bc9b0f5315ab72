import { describe, expect, it } from 'vitest';
import { totalsOfPlan } from '../../core/totals.ts';
import { useTestContext } from '../app-test-support.ts';
import { setUpDemo } from '../demo.ts';
import { loadPlanView } from '../views/plan-view.ts';
import { comparisonCsv } from './compare-csv.ts';
import { parseCompareQuery } from './compare-query.ts';
import { loadComparison } from './load-comparison.ts';

describe('the cross-municipality comparison', () => {
  const context = useTestContext();

  it('shows the published year with the plan page’s totals, never the open one', async () => {
    await setUpDemo(context());
    const comparison = await loadComparison(context(), parseCompareQuery({}));
    // Demo mode: R2 published, R3 open. The latest published year is the default.
    expect(comparison.years).toEqual([2020]);
    expect(comparison.query.fiscalYear).toBe(2020);
    const [row] = comparison.rows;
    expect(comparison.rows).toHaveLength(1);
    const plans = await context().store.plans.list('012050');
    const plan = plans[0] as { id: number };
    const view = await loadPlanView(context(), null, '012050', plan.id);
    const totals = totalsOfPlan(view.plan.nodes, 2020);
    expect(row).toMatchObject({
      municipalityCode: '012050',
      municipalityName: '室蘭市',
      prefecture: { code: '01', name: '北海道' },
      kind: 'city',
      budget: totals.budget,
      settlement: totals.settlement,
      executionRate: totals.rate,
    });
    expect(comparison.totals.map((y) => [y.fiscalYear, y.municipalityCount, y.budget])).toEqual([
      [2020, 1, totals.budget],
    ]);
    const open = await loadComparison(context(), parseCompareQuery({ fiscalYear: 'R3' }));
    expect(open.rows).toEqual([]);
  });

  it('filters by prefecture and kind, and groups by basic goal', async () => {
    const q = (raw: Parameters<typeof parseCompareQuery>[0]) =>
      loadComparison(context(), parseCompareQuery({ fiscalYear: '2020', ...raw }));
    expect((await q({ prefecture: '01', kind: 'city' })).rows).toHaveLength(1);
    expect((await q({ prefecture: '13' })).rows).toEqual([]);
    expect((await q({ kind: 'town' })).rows).toEqual([]);
    expect((await q({ kind: 'town' })).totals).toEqual([]);
    const byGoal = await q({ by: 'goal' });
    const whole = (await q({})).rows[0];
    expect(byGoal.rows.length).toBeGreaterThan(1);
    const sum = byGoal.rows.reduce((s, r) => s + (r.budget ?? 0), 0);
    expect(sum).toBe(whole?.budget);
    expect(byGoal.rows.map((r) => r.goal?.position)).toEqual(byGoal.rows.map((_, i) => i));
  });

  it('writes the same rows as CSV: code, both year forms, amounts in yen', async () => {
    const comparison = await loadComparison(context(), parseCompareQuery({ fiscalYear: 'R2' }));
    const csv = comparisonCsv(comparison, true);
    expect(csv.startsWith('\uFEFF全国地方公共団体コード,団体名,都道府県,')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    const row = comparison.rows[0];
    expect(lines[1]).toContain(`012050,室蘭市,北海道,市,`);
    expect(lines[1]).toContain(`,2020,令和2年度,`);
    expect(lines[1]).toContain(`,${row?.budget},${row?.settlement},`);
    expect(comparisonCsv(comparison, false).startsWith('\uFEFF')).toBe(false);
  });

  it('refuses filters it cannot read', () => {
    expect(() => parseCompareQuery({ prefecture: '48' })).toThrow(/compare.invalid-prefecture/);
    expect(() => parseCompareQuery({ kind: 'metropolis' })).toThrow(/compare.invalid-kind/);
    expect(() => parseCompareQuery({ fiscalYear: 'x' })).toThrow(/invalid-fiscal-year/);
    expect(() => parseCompareQuery({ by: 'x' })).toThrow(/compare.invalid-grouping/);
    expect(parseCompareQuery({ prefecture: '1', kind: 'village' })).toMatchObject({
      prefecture: '01',
      kind: 'village',
    });
  });
});
