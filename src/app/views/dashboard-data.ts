import { type FiscalYear, formatFiscalYear } from '../../core/fiscal-year.ts';
import {
  type KpiActual,
  type KpiDefinition,
  targetFor,
  valueFor,
  yearAchievement,
} from '../../core/kpi.ts';
import { type AmountUnit, formatAmount, formatRate, type Yen } from '../../core/money.ts';
import { allProjects, financeFor, type Plan } from '../../core/plan.ts';
import { bandFor, type StatusScale } from '../../core/status-scale.ts';
import { totalsOfNode, totalsOfPlan } from '../../core/totals.ts';
import { t } from '../../i18n/translate.ts';

/**
 * The dashboard's data (issue #4), one pure function per chart. Each returns the rows the page's
 * HTML table shows, the chart draws (the same object goes into the page as a JSON data block)
 * and the CSV download writes: one source, three presentations, so they can never disagree.
 */

export const CHART_IDS = [
  'budget-by-goal',
  'budget-by-year',
  'execution-rates',
  'kpi-bands',
  'kpi-trend',
] as const;
export type ChartId = (typeof CHART_IDS)[number];

export function isChartId(value: string): value is ChartId {
  return (CHART_IDS as readonly string[]).includes(value);
}

/**
 * How a column's values are written: text as is; amounts are yen shown in the plan's unit; rates
 * are ratios (1 = 100 %); counts are whole numbers; values are a KPI's numbers in its own unit.
 */
export type ColumnType = 'text' | 'amount' | 'rate' | 'count' | 'value';

export interface Column {
  key: string;
  /** The header, in Japanese, with its unit: the table's and the CSV's. */
  label: string;
  type: ColumnType;
}

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** A series the chart draws from a column of the rows. */
export interface Series {
  key: string;
  label: string;
  colour: string;
}

export interface ChartData {
  id: ChartId;
  /** How the browser draws it (src/server/assets/dashboard.js). */
  kind: 'bars' | 'histogram' | 'stacked' | 'trend';
  title: string;
  note: string | null;
  amountUnit: AmountUnit;
  /** The unit of `value` columns (a KPI's: 人, 件, %…), else null. */
  valueUnit: string | null;
  /** The first column names each row (the table's row header, the chart's category). */
  columns: Column[];
  rows: Row[];
  /** A last row for the table and the CSV (合計); charts leave it out. */
  total: Row | null;
  series: Series[];
}

const COLOURS = {
  budget: '#4d76e8',
  settlement: '#0017c1',
  count: '#0017c1',
  actual: '#0017c1',
  target: '#c74700',
  baseline: '#595959',
  none: '#8c8c8c',
};

// Best band first: green, blue, amber, then more hues; the last band is always red.
const BAND_PALETTE = ['#1d7a3f', '#3460fb', '#a86300', '#7b3fa0', '#007a7a'];
const WORST_BAND = '#d1001f';

/** A colour for each band of the scale, best first, by its place in the scale. */
export function bandColours(scale: StatusScale): string[] {
  const n = scale.bands.length;
  return scale.bands.map((_, i) =>
    i === n - 1 && n > 1 ? WORST_BAND : (BAND_PALETTE[i % BAND_PALETTE.length] as string),
  );
}

function amountColumns(unit: AmountUnit): Column[] {
  return [
    { key: 'budget', label: t('dashboard.column.budget', { unit }), type: 'amount' },
    { key: 'settlement', label: t('dashboard.column.settlement', { unit }), type: 'amount' },
    { key: 'rate', label: t('dashboard.column.rate'), type: 'rate' },
  ];
}

function amountSeries(): Series[] {
  return [
    { key: 'budget', label: t('dashboard.series.budget'), colour: COLOURS.budget },
    { key: 'settlement', label: t('dashboard.series.settlement'), colour: COLOURS.settlement },
  ];
}

/** (a) Budget, settlement and execution rate of each basic goal for one year, the plan's total last. */
export function budgetByGoal(plan: Plan, fiscalYear: FiscalYear): ChartData {
  const unit = plan.amountUnit;
  const total = totalsOfPlan(plan.nodes, fiscalYear);
  return {
    id: 'budget-by-goal',
    kind: 'bars',
    title: t('dashboard.chart.budget-by-goal', {
      fiscalYear: formatFiscalYear(fiscalYear, 'both'),
      unit,
    }),
    note: null,
    amountUnit: unit,
    valueUnit: null,
    columns: [
      { key: 'label', label: plan.plan.levels[0] || t('dashboard.column.goal'), type: 'text' },
      ...amountColumns(unit),
    ],
    rows: plan.nodes.map((node) => {
      const totals = totalsOfNode(node, fiscalYear);
      return {
        label: node.title,
        budget: totals.budget,
        settlement: totals.settlement,
        rate: totals.rate,
      };
    }),
    total: {
      label: t('dashboard.total'),
      budget: total.budget,
      settlement: total.settlement,
      rate: total.rate,
    },
    series: amountSeries(),
  };
}

/** (a) The plan's budget, settlement and execution rate for each year given (those readable). */
export function budgetByYear(plan: Plan, fiscalYears: readonly FiscalYear[]): ChartData {
  const unit = plan.amountUnit;
  return {
    id: 'budget-by-year',
    kind: 'bars',
    title: t('dashboard.chart.budget-by-year', { unit }),
    note: t('dashboard.note.budget-by-year', {
      years: fiscalYears.map((fy) => formatFiscalYear(fy, 'short')).join('、'),
    }),
    amountUnit: unit,
    valueUnit: null,
    columns: [
      { key: 'label', label: t('dashboard.column.fiscal-year'), type: 'text' },
      ...amountColumns(unit),
    ],
    rows: fiscalYears.map((fy) => {
      const totals = totalsOfPlan(plan.nodes, fy);
      return {
        label: formatFiscalYear(fy, 'both'),
        budget: totals.budget,
        settlement: totals.settlement,
        rate: totals.rate,
      };
    }),
    total: null,
    series: amountSeries(),
  };
}

export const RATE_BINS = [
  'zero',
  'under-50',
  'under-80',
  'to-100',
  'to-120',
  'over-120',
  'no-budget',
  'no-settlement',
] as const;
export type RateBin = (typeof RATE_BINS)[number];

/** settlement × 100 compared with budget × percent, exactly (integers, no float rounding). */
function compare(settlement: Yen, budget: Yen, percent: number): number {
  const left = BigInt(settlement) * 100n;
  const right = BigInt(budget) * BigInt(percent);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The band of a project's execution rate: 0 %, above 0 and below 50 %, 50 % up to below 80 %,
 * 80 % up to 100 % inclusive (spent as planned), above 100 % up to 120 %, above 120 %; no budget
 * (none, or 0) and, for a budget without a settlement yet, no settlement.
 */
export function rateBin(budget: Yen | null, settlement: Yen | null): RateBin {
  if (budget === null || budget <= 0) return 'no-budget';
  if (settlement === null) return 'no-settlement';
  if (settlement <= 0) return 'zero';
  if (compare(settlement, budget, 50) < 0) return 'under-50';
  if (compare(settlement, budget, 80) < 0) return 'under-80';
  if (compare(settlement, budget, 100) <= 0) return 'to-100';
  if (compare(settlement, budget, 120) <= 0) return 'to-120';
  return 'over-120';
}

/** (b) How many projects fall in each band of execution rate for one year, with their numbers. */
export function executionRates(plan: Plan, fiscalYear: FiscalYear): ChartData {
  const byBin = new Map<RateBin, string[]>(RATE_BINS.map((b) => [b, []]));
  const projects = allProjects(plan);
  for (const p of projects) {
    const f = financeFor(p, fiscalYear);
    byBin.get(rateBin(f?.budget ?? null, f?.settlement ?? null))?.push(p.no);
  }
  return {
    id: 'execution-rates',
    kind: 'histogram',
    title: t('dashboard.chart.execution-rates', {
      fiscalYear: formatFiscalYear(fiscalYear, 'both'),
    }),
    note: null,
    amountUnit: plan.amountUnit,
    valueUnit: null,
    columns: [
      { key: 'label', label: t('dashboard.column.bin'), type: 'text' },
      { key: 'count', label: t('dashboard.column.count'), type: 'count' },
      { key: 'projects', label: t('dashboard.column.projects'), type: 'text' },
    ],
    rows: RATE_BINS.map((bin) => {
      const nos = byBin.get(bin) ?? [];
      return { label: t(`dashboard.bin.${bin}`), count: nos.length, projects: nos.join('、') };
    }),
    total: { label: t('dashboard.total'), count: projects.length, projects: null },
    series: [{ key: 'count', label: t('dashboard.series.count'), colour: COLOURS.count }],
  };
}

/** A KPI as the dashboard needs it: its definition, actuals, and the basic goal it belongs to. */
export interface DashboardKpi {
  id: number;
  /** Index of its basic goal in plan.nodes; null when it cannot be placed. */
  goalIndex: number | null;
  definition: KpiDefinition;
  actuals: KpiActual[];
}

/**
 * (c) For each basic goal, how many of its KPIs (goal, measure and project KPIs under it) fall in
 * each band of the municipality's scale by the year's achievement (against that year's target),
 * and how many have no actual for the year.
 */
export function kpiBands(
  plan: Plan,
  kpis: readonly DashboardKpi[],
  fiscalYear: FiscalYear,
  scale: StatusScale,
): ChartData {
  const colours = bandColours(scale);
  const bandKeys = scale.bands.map((_, i) => `band${i}`);
  const goals = plan.nodes.map((n) => n.title);
  const placed = (k: DashboardKpi) =>
    k.goalIndex !== null && k.goalIndex >= 0 && k.goalIndex < goals.length;
  const labels = kpis.some((k) => !placed(k)) ? [...goals, t('dashboard.other-goal')] : goals;
  const empty = (label: string): Row => ({
    label,
    ...Object.fromEntries(bandKeys.map((key) => [key, 0])),
    none: 0,
    total: 0,
  });
  const rows = labels.map(empty);
  const total = empty(t('dashboard.total'));
  for (const k of kpis) {
    const row = rows[placed(k) ? (k.goalIndex as number) : goals.length] as Row;
    const { rate } = yearAchievement(
      k.definition,
      k.actuals,
      fiscalYear,
      plan.plan.firstFiscalYear,
    );
    const band = bandFor(rate, scale);
    const key = band ? (bandKeys[scale.bands.indexOf(band)] ?? 'none') : 'none';
    for (const r of [row, total]) {
      r[key] = (r[key] as number) + 1;
      r.total = (r.total as number) + 1;
    }
  }
  return {
    id: 'kpi-bands',
    kind: 'stacked',
    title: t('dashboard.chart.kpi-bands', {
      fiscalYear: formatFiscalYear(fiscalYear, 'both'),
      scale: scale.name,
    }),
    note: t('dashboard.note.kpi-bands', { scale: scale.name }),
    amountUnit: plan.amountUnit,
    valueUnit: null,
    columns: [
      { key: 'label', label: plan.plan.levels[0] || t('dashboard.column.goal'), type: 'text' },
      ...scale.bands.map(
        (b, i): Column => ({
          key: bandKeys[i] as string,
          label: t('dashboard.column.band', { band: b.label }),
          type: 'count',
        }),
      ),
      { key: 'none', label: t('dashboard.column.no-actual'), type: 'count' },
      { key: 'total', label: t('dashboard.column.kpi-total'), type: 'count' },
    ],
    rows,
    total,
    series: [
      ...scale.bands.map((b, i) => ({
        key: bandKeys[i] as string,
        label: b.label,
        colour: colours[i] as string,
      })),
      { key: 'none', label: t('dashboard.series.no-actual'), colour: COLOURS.none },
    ],
  };
}

/**
 * (d) One KPI from its baseline year to its target year (and the plan's last year, and any later
 * actual): the baseline, each year's target (its own, or the final one, pro-rated for a cumulative
 * KPI: the rule achievement uses), the actual (a cumulative KPI's running sum) and the year's
 * achievement.
 */
export function kpiTrend(plan: Plan, kpi: DashboardKpi): ChartData {
  const def = kpi.definition;
  const first = plan.plan.firstFiscalYear;
  const from = Math.min(def.baseline?.fiscalYear ?? first, first);
  const to = Math.max(
    def.target.fiscalYear,
    plan.plan.lastFiscalYear,
    ...kpi.actuals.map((a) => a.fiscalYear),
  );
  // Targets start with the first year counted: after the baseline, else the plan's first year.
  const targetsFrom = def.baseline ? def.baseline.fiscalYear + 1 : first;
  const rows: Row[] = [];
  for (let fy = from; fy <= to; fy++) {
    const achievement = yearAchievement(def, kpi.actuals, fy, first);
    rows.push({
      label: formatFiscalYear(fy, 'both'),
      baseline: def.baseline?.fiscalYear === fy ? def.baseline.value : null,
      target: fy >= targetsFrom && fy <= def.target.fiscalYear ? targetFor(def, fy, first) : null,
      actual: valueFor(def, kpi.actuals, fy, first),
      rate: achievement.rate,
    });
  }
  const unit = def.unit;
  return {
    id: 'kpi-trend',
    kind: 'trend',
    title: t('dashboard.chart.kpi-trend', { name: def.name, unit }),
    note: def.kind === 'cumulative' ? t('dashboard.note.kpi-trend') : null,
    amountUnit: plan.amountUnit,
    valueUnit: unit,
    columns: [
      { key: 'label', label: t('dashboard.column.fiscal-year'), type: 'text' },
      { key: 'baseline', label: t('dashboard.column.baseline', { unit }), type: 'value' },
      { key: 'target', label: t('dashboard.column.target', { unit }), type: 'value' },
      { key: 'actual', label: t('dashboard.column.actual', { unit }), type: 'value' },
      { key: 'rate', label: t('dashboard.column.achievement'), type: 'rate' },
    ],
    rows,
    total: null,
    series: [
      { key: 'baseline', label: t('dashboard.series.baseline'), colour: COLOURS.baseline },
      { key: 'target', label: t('dashboard.series.target'), colour: COLOURS.target },
      { key: 'actual', label: t('dashboard.series.actual'), colour: COLOURS.actual },
    ],
  };
}

const VALUE = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });
const COUNT = new Intl.NumberFormat('ja-JP');

/** A cell as the HTML table shows it: amounts in the plan's unit with separators, rates as 74.4%. */
export function cellText(column: Column, value: Cell, unit: AmountUnit): string {
  if (value === null) return column.type === 'amount' ? '-' : '—';
  if (typeof value === 'string') return value;
  switch (column.type) {
    case 'amount':
      return formatAmount(value, unit);
    case 'rate':
      return formatRate(value);
    case 'count':
      return COUNT.format(value);
    default:
      return VALUE.format(value);
  }
}

/** Round to four decimals without an exponent ('33.3333'), for a KPI value in a CSV. */
function plainNumber(value: number): string {
  const rounded = Math.round(value * 10_000) / 10_000;
  return Number.isInteger(rounded)
    ? BigInt(rounded).toString()
    : rounded.toFixed(4).replace(/0+$/, '');
}

/**
 * A cell as the CSV writes it: numbers without separators or units (the header names the unit),
 * rates in percent with one decimal, an empty field for none.
 */
export function cellCsv(column: Column, value: Cell, unit: AmountUnit): string {
  if (value === null) return '';
  if (typeof value === 'string') {
    // Spreadsheet formula injection (OWASP CSV Injection): text starting with = + - @ is data.
    return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  }
  switch (column.type) {
    case 'amount':
      return formatAmount(value, unit).replaceAll(',', '');
    case 'rate':
      return Number.isFinite(value) ? (value * 100).toFixed(1) : '';
    case 'count':
      return String(value);
    default:
      return plainNumber(value);
  }
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The chart's rows as CSV for Excel: UTF-8 with a BOM, CRLF, Japanese headers, the total last. */
export function toCsv(chart: ChartData): string {
  const rows = chart.total ? [...chart.rows, chart.total] : chart.rows;
  const lines = [
    chart.columns.map((c) => csvField(c.label)),
    ...rows.map((r) =>
      chart.columns.map((c) => csvField(cellCsv(c, r[c.key] ?? null, chart.amountUnit))),
    ),
  ];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

/** Whether the chart has anything to draw: some series value in some row (not all none). */
export function hasData(chart: ChartData): boolean {
  return chart.rows.some((r) =>
    chart.series.some((s) => r[s.key] !== null && r[s.key] !== undefined),
  );
}

/** Every chart of the dashboard page for one year; the KPI charts are null without KPIs. */
export interface DashboardCharts {
  budgetByGoal: ChartData;
  budgetByYear: ChartData;
  executionRates: ChartData;
  kpiBands: ChartData | null;
  kpiTrend: ChartData | null;
  /** The KPI the trend shows: the one asked for, else the first. */
  kpi: DashboardKpi | null;
}

export function dashboardCharts(input: {
  plan: Plan;
  fiscalYear: FiscalYear;
  /** The years this reader may see, oldest first (budget by year). */
  readableYears: readonly FiscalYear[];
  kpis: readonly DashboardKpi[];
  scale: StatusScale;
  kpiId: number | null;
}): DashboardCharts {
  const { plan, fiscalYear, kpis } = input;
  const kpi = kpis.find((k) => k.id === input.kpiId) ?? kpis[0] ?? null;
  return {
    budgetByGoal: budgetByGoal(plan, fiscalYear),
    budgetByYear: budgetByYear(plan, input.readableYears),
    executionRates: executionRates(plan, fiscalYear),
    kpiBands: kpis.length > 0 ? kpiBands(plan, kpis, fiscalYear, input.scale) : null,
    kpiTrend: kpi ? kpiTrend(plan, kpi) : null,
    kpi,
  };
}

/** The chart with this id among the page's charts, or null (a KPI chart without KPIs). */
export function chartById(charts: DashboardCharts, id: ChartId): ChartData | null {
  const all = [
    charts.budgetByGoal,
    charts.budgetByYear,
    charts.executionRates,
    charts.kpiBands,
    charts.kpiTrend,
  ];
  return all.find((c) => c?.id === id) ?? null;
}
