import type { Metric } from './figures/metric.ts';

/** A figure with the fiscal year of the result it was read from. */
export interface DatedMetric {
  fiscalYear: number;
  metric: Metric;
  /**
   * The short name of the activity whose result it was read from (Activity.title). A lone
   * figure (`▶R2…41件`) has no label of its own: the words before ▶ say what is counted.
   */
  activity?: string;
}

/** One year of a trend: the value as written, with what the sentence said about it. */
export interface TrendPoint {
  fiscalYear: number;
  value: number;
  approximate: boolean;
  cumulative: boolean;
  /** More figures of the same label and unit were written that year; the first is shown. */
  several: boolean;
}

/** The same figure (label and unit) across years, oldest first. */
export interface MetricTrend {
  /** As first written (`移住相談`); a part names its whole (`就職者のうち室蘭市内企業`). */
  label: string;
  unit: string;
  points: TrendPoint[];
}

/**
 * How labels are compared: full-width and half-width forms alike (NFKC), without spaces or
 * the brackets and dots that differ between years' wording (`移住相談（窓口）` stays distinct).
 */
export function normalizeLabel(label: string): string {
  return label.normalize('NFKC').replace(/[\s・･]/g, '');
}

function shownLabel(m: Metric): string {
  return m.partOf ? `${m.partOf}のうち${m.label}` : m.label;
}

/**
 * The figure as a trend names it: its own label, else (a whole, not a part) the activity's
 * short name, so a lone figure recurring in an activity's results still forms a trend.
 */
export function trendMetric({ metric, activity }: DatedMetric): Metric {
  if (metric.label !== '' || metric.partOf !== null || !activity) return metric;
  return { ...metric, label: activity };
}

/**
 * The figures that recur: every label (with its unit) written in at least `minYears` fiscal
 * years becomes a trend with one point a year, in written order within a year. Unlabelled
 * figures are named after their activity when it is known, else left out (they cannot be told
 * apart). Pure: the caller decides which figures the reader may see (published years only for
 * the public).
 */
export function metricTrends(figures: readonly DatedMetric[], minYears = 2): MetricTrend[] {
  const trends = new Map<string, MetricTrend>();
  for (const dated of figures) {
    const { fiscalYear } = dated;
    const metric = trendMetric(dated);
    if (metric.label === '') continue;
    const key = JSON.stringify([
      normalizeLabel(metric.partOf ?? ''),
      normalizeLabel(metric.label),
      metric.unit.normalize('NFKC'),
    ]);
    const trend = trends.get(key) ?? { label: shownLabel(metric), unit: metric.unit, points: [] };
    trends.set(key, trend);
    const same = trend.points.find((p) => p.fiscalYear === fiscalYear);
    if (same) {
      same.several = true;
      continue;
    }
    trend.points.push({
      fiscalYear,
      value: metric.value,
      approximate: metric.approximate,
      cumulative: metric.cumulative,
      several: false,
    });
  }
  return [...trends.values()]
    .filter((t) => t.points.length >= minYears)
    .map((t) => ({ ...t, points: t.points.sort((a, b) => a.fiscalYear - b.fiscalYear) }));
}
