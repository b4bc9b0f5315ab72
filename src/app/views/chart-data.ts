import type { AmountUnit } from '../../core/money.ts';
import type { StatusScale } from '../../core/status-scale.ts';

/**
 * The shape every dashboard chart shares (issue #4): the rows the HTML table shows, the chart
 * draws (the same object goes into the page as a JSON data block) and the CSV download writes —
 * one source, three presentations, so they can never disagree. Colours of series and bands.
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
  /** How it is drawn (src/app/views/dashboard-chart-options.ts). */
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

export const COLOURS = {
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
