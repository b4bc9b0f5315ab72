import type { ChartData, Row } from './chart-data.ts';

/**
 * The dashboard's charts as ECharts options (pure: the chart's rows → an option), drawn on the
 * server by render-chart-svg.ts. Two variants of each chart go into the page and CSS shows one:
 * `wide` for a desktop column, `narrow` for a phone (shorter year labels, long names wrapped
 * narrower, the execution-rate bands as horizontal bars so their labels cannot collide).
 * Nothing is interactive (no tooltip): the figures are in the table under each chart.
 */

export type ChartVariantName = 'wide' | 'narrow';

export interface ChartVariant {
  name: ChartVariantName;
  width: number;
}

export const CHART_VARIANTS: readonly ChartVariant[] = [
  { name: 'wide', width: 760 },
  { name: 'narrow', width: 360 },
];

/** The page's Japanese fonts (app.css --font-ja), in single quotes: SVG attributes use double. */
export const CHART_FONT =
  "'Noto Sans JP', 'Noto Sans CJK JP', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'BIZ UDPGothic', 'Yu Gothic UI', 'Yu Gothic', Meiryo, sans-serif";

const FACTOR: Record<string, number> = { 円: 1, 千円: 1000, 百万円: 1000000 };
const numbers = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });

/** '令和2年度 (R2)' → 'R2' where space is short. */
export const shortYear = (label: string): string => /\(([^)]+)\)$/.exec(label)?.[1] ?? label;

type Option = Record<string, unknown>;

const firstKey = (data: ChartData) => data.columns[0]?.key ?? '';
const categories = (data: ChartData) =>
  data.rows.map((row: Row) => String(row[firstKey(data)] ?? ''));
const column = (data: ChartData, key: string, scale = 1) =>
  data.rows.map((row) => {
    const value = row[key];
    return typeof value === 'number' ? value / scale : null;
  });

/** Horizontal charts grow with their categories; the rest have one height per variant. */
export function chartHeight(data: ChartData, variant: ChartVariant): number {
  const horizontal =
    data.kind === 'stacked' ||
    data.id === 'budget-by-goal' ||
    (data.kind === 'histogram' && variant.name === 'narrow');
  if (horizontal) {
    const perRow = variant.name === 'narrow' ? (data.kind === 'histogram' ? 40 : 88) : 72;
    return Math.max(260, 96 + data.rows.length * perRow);
  }
  return variant.name === 'narrow' ? 300 : 380;
}

function common(data: ChartData, variant: ChartVariant): Option {
  const narrow = variant.name === 'narrow';
  return {
    animation: false,
    backgroundColor: '#fff',
    textStyle: { fontFamily: CHART_FONT, color: '#333', fontSize: narrow ? 12 : 13 },
    legend: { top: 0, textStyle: { fontSize: 14 }, itemGap: narrow ? 8 : 10 },
    grid: {
      left: 8,
      right: narrow ? 20 : 32,
      top: 48,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    color: data.series.map((s) => s.colour),
  };
}

/** A category axis of long names (goals), wrapped to a share of the chart's width. */
const wrappedNames = (variant: ChartVariant) => ({
  width: Math.min(260, variant.width * (variant.name === 'narrow' ? 0.3 : 0.35)),
  overflow: 'break',
  // 1.5 times the text: Japanese fonts' boxes are taller than the text's size.
  lineHeight: variant.name === 'narrow' ? 18 : 20,
});

/** Budget and settlement: horizontal bars by goal (long names), vertical bars by year. */
function bars(data: ChartData, variant: ChartVariant): Option {
  const unit = data.amountUnit;
  const scale = FACTOR[unit] ?? 1;
  const horizontal = data.id === 'budget-by-goal';
  const short = variant.name === 'narrow' || data.rows.length > 4;
  const category = {
    type: 'category',
    data: categories(data),
    inverse: horizontal,
    axisLabel: horizontal
      ? wrappedNames(variant)
      : { interval: 0, ...(short ? { formatter: shortYear } : {}) },
  };
  const value = {
    type: 'value',
    name: unit,
    // Horizontal: the unit under the axis, where a name at its end would run off the chart.
    ...(horizontal ? { nameLocation: 'middle', nameGap: 28 } : {}),
    axisLabel: {
      formatter: (v: number) => numbers.format(v),
      ...(horizontal && variant.name === 'narrow' ? { rotate: 45 } : {}),
    },
    ...(horizontal && variant.name === 'narrow' ? { splitNumber: 3 } : {}),
  };
  return {
    ...common(data, variant),
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: data.series.map((s) => ({
      type: 'bar',
      name: s.label,
      data: column(data, s.key, scale),
      itemStyle: { color: s.colour },
      barMaxWidth: 28,
    })),
  };
}

/** The band names under vertical bars, each wrapped within its bar's share of the width. */
const bandNames = (data: ChartData, variant: ChartVariant) => ({
  interval: 0,
  width: Math.floor(((variant.width - 80) / Math.max(1, data.rows.length)) * 0.9),
  overflow: 'break',
  lineHeight: 20,
});

/** Execution rates: one bar per band, labelled with its count (horizontal on a phone). */
function histogram(data: ChartData, variant: ChartVariant): Option {
  const s = data.series[0];
  if (!s) return common(data, variant);
  const narrow = variant.name === 'narrow';
  const bands = { type: 'category', data: categories(data), axisLabel: { interval: 0 } };
  const counts = { type: 'value', minInterval: 1, name: s.label };
  const base = common(data, variant);
  return {
    ...base,
    legend: { show: false },
    // No legend, and on a phone the axis name is at the bottom: no room needed above.
    ...(narrow ? { grid: { ...(base.grid as Option), top: 16 } } : {}),
    // Wide: each band's name wrapped under its bar (rotated names' boxes would overlap).
    xAxis: narrow ? counts : { ...bands, axisLabel: { ...bandNames(data, variant) } },
    yAxis: narrow ? { ...bands, inverse: true } : counts,
    series: [
      {
        type: 'bar',
        name: s.label,
        data: column(data, s.key),
        itemStyle: { color: s.colour },
        label: { show: true, position: narrow ? 'right' : 'top' },
        barMaxWidth: narrow ? 24 : 48,
      },
    ],
  };
}

/** KPI achievement: per goal, the number of KPIs in each band, stacked in the scale's colours. */
function stacked(data: ChartData, variant: ChartVariant): Option {
  return {
    ...common(data, variant),
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: categories(data),
      inverse: true,
      axisLabel: wrappedNames(variant),
    },
    series: data.series.map((s) => ({
      type: 'bar',
      stack: 'kpis',
      name: s.label,
      data: column(data, s.key).map((v) => (v === 0 ? null : v)),
      itemStyle: { color: s.colour },
      label: { show: true, color: '#fff', fontWeight: 'bold' },
      barMaxWidth: 36,
    })),
  };
}

const TREND_STYLE: Record<string, Option & { lineStyle: Option }> = {
  // One point, drawn as a line series without its line (no scatter chart needed).
  baseline: { type: 'line', symbol: 'diamond', symbolSize: 14, lineStyle: { opacity: 0 } },
  target: { type: 'line', symbol: 'rect', symbolSize: 9, lineStyle: { type: 'dashed' } },
  actual: { type: 'line', symbol: 'circle', symbolSize: 10, lineStyle: { width: 3 } },
};

/** A KPI's trend: its baseline point, the target line (dashed) and the actuals. */
function trend(data: ChartData, variant: ChartVariant): Option {
  const short = variant.name === 'narrow' || data.rows.length > 4;
  return {
    ...common(data, variant),
    xAxis: {
      type: 'category',
      data: categories(data),
      axisLabel: { interval: 0, ...(short ? { formatter: shortYear } : {}) },
    },
    yAxis: { type: 'value', name: data.valueUnit ?? '', scale: true },
    series: data.series.map((s) => {
      const style = TREND_STYLE[s.key] ?? { type: 'line', lineStyle: {} };
      return {
        ...style,
        type: 'line',
        name: s.label,
        data: column(data, s.key),
        connectNulls: true,
        itemStyle: { color: s.colour },
        lineStyle: { ...style.lineStyle, color: s.colour },
      };
    }),
  };
}

const BUILDERS = { bars, histogram, stacked, trend };

/** The ECharts option drawing this chart in this variant. */
export function chartOption(data: ChartData, variant: ChartVariant): Option {
  return BUILDERS[data.kind](data, variant);
}
