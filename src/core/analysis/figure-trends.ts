import { extractMetrics } from '../figures/extract-metrics.ts';
import type { Metric } from '../figures/metric.ts';
import type { FiscalYear } from '../fiscal-year.ts';
import { trendMetric } from '../metric-trends.ts';
import type { Project } from '../plan.ts';
import { datedEntries } from './year-entries.ts';

/** One year's value of a recurring figure. */
export interface TrendPoint {
  fiscalYear: FiscalYear;
  value: number;
}

/** A figure a project's results name in two or more years (移住相談 R2 41件 → R3 50件). */
export interface FigureTrend {
  project: Project;
  label: string;
  unit: string;
  points: TrendPoint[];
}

/**
 * The recurring figures of projects up to a year: results read by extractMetrics, grouped by
 * project, label and unit across years. A lone figure without a label (`▶R2…41件`) is named
 * after its activity's short name, the words before ▶ that say what is counted; parts (うち…)
 * are left out, they follow their whole. The first figure of a label
 * in a year counts. Only trends reaching the year itself are kept (what moved this year).
 * `read` is the figures reader (extractMetrics with the plan's conventions).
 */
export function figureTrends(
  projects: readonly Project[],
  firstFiscalYear: FiscalYear,
  fiscalYear: FiscalYear,
  read: (text: string) => readonly Metric[] = (text) => extractMetrics(text).metrics,
): FigureTrend[] {
  const out: FigureTrend[] = [];
  for (const project of projects) {
    const byKey = new Map<string, FigureTrend>();
    for (const e of datedEntries(project, firstFiscalYear)) {
      if (e.entry.kind !== 'result' || e.fiscalYear > fiscalYear) continue;
      for (const figure of read(e.entry.text)) {
        const m = trendMetric({
          fiscalYear: e.fiscalYear,
          metric: figure,
          activity: e.activity.title,
        });
        if (!m.label || m.partOf !== null) continue;
        const key = `${m.label}\u0000${m.unit}`;
        let trend = byKey.get(key);
        if (!trend) {
          trend = { project, label: m.label, unit: m.unit, points: [] };
          byKey.set(key, trend);
        }
        if (!trend.points.some((p) => p.fiscalYear === e.fiscalYear)) {
          trend.points.push({ fiscalYear: e.fiscalYear, value: m.value });
        }
      }
    }
    for (const trend of byKey.values()) {
      trend.points.sort((a, b) => a.fiscalYear - b.fiscalYear);
      if (trend.points.length >= 2 && trend.points.at(-1)?.fiscalYear === fiscalYear) {
        out.push(trend);
      }
    }
  }
  return out;
}
