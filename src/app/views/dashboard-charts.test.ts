import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KpiDefinition } from '../../core/kpi.ts';
import type { Plan } from '../../core/plan.ts';
import { ABCD_SCALE, NATIONAL_SCALE } from '../../core/status-scale.ts';
import { decodeText } from '../../formats/decode-text.ts';
import { readProgressTable } from '../../formats/tsv/progress-table-reader.ts';
import { parseTsv } from '../../formats/tsv/tsv-grid.ts';
import { budgetByGoal, budgetByYear } from './budget-charts.ts';
import { cellCsv, cellText, toCsv } from './chart-cells.ts';
import { bandColours, type ChartData, type Column } from './chart-data.ts';
import { chartById, dashboardCharts } from './dashboard-charts.ts';
import { executionRates, rateBin } from './execution-rate-chart.ts';
import { type DashboardKpi, kpiBands, kpiTrend } from './kpi-charts.ts';

const SAMPLE = new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url);

function samplePlan(): Plan {
  const decoded = decodeText(readFileSync(SAMPLE), 'muroran-r2-progress.tsv');
  if (!decoded.ok) throw new Error('the sample does not decode');
  const { plan } = readProgressTable(parseTsv(decoded.text), {
    file: 'muroran-r2-progress.tsv',
    municipality: { code: '012050', name: '室蘭市' },
    title: '第2期室蘭市まち・ひと・しごと創生総合戦略',
  });
  if (!plan) throw new Error('the sample gives no plan');
  return plan;
}

const plan = samplePlan();
const R2 = 2020;
const R3 = 2021;

/** The rows by their first column, for short expectations. */
const byLabel = (chart: ChartData) => new Map(chart.rows.map((r) => [r.label, r]));

describe('budget and settlement (the sample, R2)', () => {
  it('by goal: each basic goal with its totals, the plan total last', () => {
    const chart = budgetByGoal(plan, R2);
    expect(chart.columns.map((c) => c.label)).toEqual([
      '基本目標',
      '予算（千円）',
      '決算（千円）',
      '執行率（%）',
    ]);
    expect(chart.rows.map((r) => [r.budget, r.settlement])).toEqual([
      [33_758_000, 33_773_000],
      [14_922_000, 9_161_000],
      [21_410_000, 9_205_000],
    ]);
    expect(chart.rows[0]?.label).toBe('1. まちの特性を活かした産業振興と魅力ある雇用の場の創出');
    expect(chart.total).toMatchObject({
      label: '合計',
      budget: 70_090_000,
      settlement: 52_139_000,
    });
    expect(cellText(chart.columns[3] as Column, chart.total?.rate ?? null, '千円')).toBe('74.4%');
    expect(chart.series.map((s) => s.key)).toEqual(['budget', 'settlement']);
  });

  it('by year: every year given, a year without figures has none (not 0)', () => {
    const chart = budgetByYear(plan, [R2, R3]);
    expect(chart.rows).toEqual([
      {
        label: '令和2年度 (R2)',
        budget: 70_090_000,
        settlement: 52_139_000,
        rate: 52_139 / 70_090,
      },
      { label: '令和3年度 (R3)', budget: null, settlement: null, rate: null },
    ]);
    expect(chart.total).toBeNull();
  });
});

describe('execution rate distribution', () => {
  it('puts each boundary in one band, exactly', () => {
    expect(rateBin(1000, 0)).toBe('zero');
    expect(rateBin(1000, 1)).toBe('under-50');
    expect(rateBin(1000, 499)).toBe('under-50');
    expect(rateBin(1000, 500)).toBe('under-80');
    expect(rateBin(1000, 799)).toBe('under-80');
    expect(rateBin(1000, 800)).toBe('to-100');
    expect(rateBin(1000, 1000)).toBe('to-100');
    expect(rateBin(1000, 1001)).toBe('to-120');
    expect(rateBin(1000, 1200)).toBe('to-120');
    expect(rateBin(1000, 1201)).toBe('over-120');
    expect(rateBin(null, 500)).toBe('no-budget');
    expect(rateBin(0, 500)).toBe('no-budget');
    expect(rateBin(null, null)).toBe('no-budget');
    expect(rateBin(1000, null)).toBe('no-settlement');
    // Large amounts compare exactly: 120 % of 9,007,199,254,740 yen.
    expect(rateBin(9_007_199_254_740, 10_808_639_105_688)).toBe('to-120');
    expect(rateBin(9_007_199_254_740, 10_808_639_105_689)).toBe('over-120');
  });

  it("counts the sample's 24 projects in R2 (checked by hand against the file)", () => {
    // From the TSV: 1 322/490 (152.2%), 2 2,810/2,352 (83.7%), 3 24/13 (54.2%), 4 328/201
    // (61.3%), 5 3,200/698 (21.8%), 6 4,376/3,879 (88.6%), 7 11,200/8,249 (73.7%), 8 1,971/2,308
    // (117.1%), 9 300/107 (35.7%), 10 9,227/15,476 (167.7%), 11 200/198 (99.0%), 12 2,450/2,088
    // (85.2%), 13 10,800/5,716 (52.9%), 14 1,027/1,027 (100%), 15 145/132 (91.0%), 16 -/-,
    // 17 300/0, 18 2,077/0, 19 399/0, 20 12,159/5,205 (42.8%), 21 2,300/0, 22 4,000/4,000
    // (100%), 23 105/0, 24 370/0.
    const chart = executionRates(plan, R2);
    expect(chart.rows.map((r) => [r.label, r.count, r.projects])).toEqual([
      ['0%', 6, '17、18、19、21、23、24'],
      ['0%超～50%未満', 3, '5、9、20'],
      ['50%以上～80%未満', 4, '3、4、7、13'],
      ['80%以上～100%以下', 7, '2、6、11、12、14、15、22'],
      ['100%超～120%以下', 1, '8'],
      ['120%超', 2, '1、10'],
      ['予算なし', 1, '16'],
      ['決算なし', 0, ''],
    ]);
    expect(chart.total?.count).toBe(24);
    expect(chart.rows.reduce((n, r) => n + (r.count as number), 0)).toBe(24);
  });

  it('agrees with the raw file: every numbered row binned from its own cells', () => {
    const counts = new Map<string, number>();
    for (const line of readFileSync(SAMPLE, 'utf8').split('\n')) {
      const cells = line.split('\t');
      if (!/^\d+$/.test(cells[1] ?? '')) continue;
      const yen = (s = '') => (s.trim() === '-' ? null : Number(s.replaceAll(',', '')) * 1000);
      const bin = rateBin(yen(cells[3]), yen(cells[4]));
      counts.set(bin, (counts.get(bin) ?? 0) + 1);
    }
    const chart = executionRates(plan, R2);
    const expected = Object.fromEntries([...counts]);
    const bins = ['zero', 'under-50', 'under-80', 'to-100', 'to-120', 'over-120', 'no-budget'];
    expect(Object.fromEntries(bins.map((b, i) => [b, chart.rows[i]?.count]))).toEqual(expected);
  });

  it('an open year without figures: every project has no budget', () => {
    const chart = executionRates(plan, R3);
    expect(byLabel(chart).get('予算なし')?.count).toBe(24);
  });
});

function kpi(
  id: number,
  goalIndex: number | null,
  def: Partial<KpiDefinition>,
  actuals: [number, number][],
): DashboardKpi {
  return {
    id,
    goalIndex,
    definition: {
      name: `KPI ${id}`,
      unit: '人',
      direction: 'higher',
      kind: 'annual',
      baseline: { value: 10, fiscalYear: 2019 },
      target: { value: 20, fiscalYear: 2024 },
      yearTargets: [],
      ...def,
    },
    actuals: actuals.map(([fiscalYear, value]) => ({
      fiscalYear,
      value,
      asOf: null,
      source: null,
    })),
  };
}

describe('KPI achievement by goal, in the bands of the scale', () => {
  const kpis = [
    kpi(1, 0, {}, [[R2, 20]]), // (20-10)/(20-10) = 100 % → A / 非常に効果的であった
    kpi(2, 0, {}, [[R2, 18]]), // 80 % → B / 相当程度効果があった
    kpi(3, 1, {}, [[R2, 14]]), // 40 % → D / 効果があった
    kpi(4, 1, {}, []), // no actual
    kpi(
      5,
      2,
      {
        direction: 'lower',
        baseline: { value: 10, fiscalYear: 2019 },
        target: { value: 0, fiscalYear: 2024 },
      },
      [[R2, 12]],
    ), // worse: -20 %
    kpi(6, null, {}, [[R2, 16]]), // 60 %, not placed under a goal
  ];

  it('counts per goal and band with the ABCD scale; an unplaced KPI goes to その他', () => {
    const chart = kpiBands(plan, kpis, R2, ABCD_SCALE);
    expect(chart.columns.map((c) => c.label)).toEqual([
      '基本目標',
      'A（件）',
      'B（件）',
      'C（件）',
      'D（件）',
      '実績なし（件）',
      'KPI 数',
    ]);
    const counts = chart.rows.map((r) => [r.band0, r.band1, r.band2, r.band3, r.none, r.total]);
    expect(counts).toEqual([
      [1, 1, 0, 0, 0, 2],
      [0, 0, 0, 1, 1, 2],
      [0, 0, 0, 1, 0, 1],
      [0, 0, 1, 0, 0, 1],
    ]);
    expect(chart.rows.at(-1)?.label).toBe('その他');
    expect(chart.total).toMatchObject({
      band0: 1,
      band1: 1,
      band2: 1,
      band3: 2,
      none: 1,
      total: 6,
    });
    expect(chart.title).toContain('達成度 A/B/C/D');
  });

  it("uses the municipality's scale: the national form's four levels", () => {
    const chart = kpiBands(plan, kpis, R2, NATIONAL_SCALE);
    expect(chart.series.map((s) => s.label)).toEqual([
      '非常に効果的であった',
      '相当程度効果があった',
      '効果があった',
      '効果がなかった',
      '実績なし',
    ]);
    // 40 % and 60 % are better than the baseline (効果があった); -20 % is not (効果がなかった).
    expect(chart.total).toMatchObject({ band0: 1, band1: 1, band2: 2, band3: 1, none: 1 });
  });

  it('colours bands by their place in the scale, the worst always red', () => {
    expect(bandColours(ABCD_SCALE)).toHaveLength(4);
    expect(bandColours(ABCD_SCALE).at(-1)).toBe('#d1001f');
    expect(new Set(bandColours(NATIONAL_SCALE)).size).toBe(4);
    const chart = kpiBands(plan, kpis, R2, ABCD_SCALE);
    expect(chart.series.slice(0, 4).map((s) => s.colour)).toEqual(bandColours(ABCD_SCALE));
  });
});

describe("a KPI's trend", () => {
  it('annual: baseline point, the target from the first counted year, actuals by year', () => {
    const chart = kpiTrend(
      plan,
      kpi(1, 0, { yearTargets: [{ fiscalYear: 2021, value: 14 }] }, [
        [R2, 12],
        [R3, 15],
      ]),
    );
    expect(chart.rows.map((r) => [r.label, r.baseline, r.target, r.actual])).toEqual([
      ['令和元年度 (R1)', 10, null, null],
      ['令和2年度 (R2)', null, 20, 12],
      ['令和3年度 (R3)', null, 14, 15],
      ['令和4年度 (R4)', null, 20, null],
      ['令和5年度 (R5)', null, 20, null],
      ['令和6年度 (R6)', null, 20, null],
    ]);
    expect(chart.rows[1]?.rate).toBeCloseTo(0.2);
    expect(chart.rows[2]?.rate).toBeCloseTo(1.25);
    expect(chart.valueUnit).toBe('人');
    expect(chart.columns.map((c) => c.label)).toEqual([
      '年度',
      '基準値（人）',
      '目標値（人）',
      '実績（人）',
      '達成度（%）',
    ]);
  });

  it('cumulative: running sums against the pro-rated target', () => {
    const chart = kpiTrend(
      plan,
      kpi(2, 0, { kind: 'cumulative', baseline: null, target: { value: 100, fiscalYear: 2024 } }, [
        [R2, 30],
        [R3, 10],
      ]),
    );
    expect(chart.rows.map((r) => [r.label, r.target, r.actual])).toEqual([
      ['令和2年度 (R2)', 20, 30],
      ['令和3年度 (R3)', 40, 40],
      ['令和4年度 (R4)', 60, null],
      ['令和5年度 (R5)', 80, null],
      ['令和6年度 (R6)', 100, null],
    ]);
    expect(chart.note).toContain('累計');
  });
});

describe('the page set and the CSV', () => {
  it('without KPIs the KPI charts are absent; with them the trend shows the KPI asked for', () => {
    const input = { plan, fiscalYear: R2, readableYears: [R2], scale: ABCD_SCALE, kpiId: null };
    const none = dashboardCharts({ ...input, kpis: [] });
    expect([none.kpiBands, none.kpiTrend, none.kpi]).toEqual([null, null, null]);
    expect(chartById(none, 'budget-by-goal')?.id).toBe('budget-by-goal');
    expect(chartById(none, 'kpi-trend')).toBeNull();
    const kpis = [kpi(7, 0, {}, []), kpi(8, 1, { name: '二つ目' }, [])];
    expect(dashboardCharts({ ...input, kpis }).kpi?.id).toBe(7);
    const asked = dashboardCharts({ ...input, kpis, kpiId: 8 });
    expect(asked.kpiTrend?.title).toContain('二つ目');
    expect(dashboardCharts({ ...input, kpis, kpiId: 99 }).kpi?.id).toBe(7);
  });

  it('writes UTF-8 with a BOM, CRLF, Japanese headers, plain numbers, the total last', () => {
    const csv = toCsv(budgetByGoal(plan, R2));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '基本目標,予算（千円）,決算（千円）,執行率（%）',
      '1. まちの特性を活かした産業振興と魅力ある雇用の場の創出,33758,33773,100.0',
      '2. 子育て世代が希望を持って住み続けられるまちづくり,14922,9161,61.4',
      '3. まちの資源を活かし、新たな「ひと」の流れをつくる,21410,9205,43.0',
      '合計,70090,52139,74.4',
      '',
    ]);
    const rates = toCsv(executionRates(plan, R2)).slice(1).split('\r\n');
    expect(rates[0]).toBe('執行率,事業数,事業番号');
    expect(rates[1]).toBe('0%,6,17、18、19、21、23、24');
    expect(rates.at(-2)).toBe('合計,24,');
  });

  it('quotes what needs quoting and defuses spreadsheet formulas in text', () => {
    const text = { key: 'label', label: 'x', type: 'text' } as const;
    const amount = { key: 'a', label: 'y', type: 'amount' } as const;
    expect(cellCsv(text, '=HYPERLINK("x")', '千円')).toBe(`'=HYPERLINK("x")`);
    expect(cellCsv(amount, -2_551_010, '千円')).toBe('-2551.01');
    expect(cellCsv(amount, null, '千円')).toBe('');
    const chart: ChartData = {
      ...budgetByYear(plan, [R2]),
      rows: [{ label: 'a, "b"', budget: 1000, settlement: null, rate: null }],
    };
    expect(toCsv(chart).split('\r\n')[1]).toBe('"a, ""b""",1,,');
  });
});
