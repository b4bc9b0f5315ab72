import { type DatedMetric, type MetricTrend, metricTrends } from '../../core/metric-trends.ts';
import type { Entry, Project } from '../../core/plan.ts';
import type { EntryReading } from '../../core/stored-metric.ts';
import type { AppContext } from '../app-context.ts';
import type { PlanView } from '../views/plan-view.ts';

/** A project's figures as its page shows them. */
export interface ProjectMetricsView {
  /** The figures and status of each entry shown, by the entry itself. */
  readings: Map<Entry, EntryReading>;
  /** Figures recurring across the years shown. */
  trends: MetricTrend[];
  /** The year whose figures the reader may confirm or correct, or null. */
  confirmYear: number | null;
}

/**
 * The stored figures of the entries the reader sees: the view's project has passed the public
 * projection, so figures of unpublished years are never among them, nor in the trends.
 */
export async function loadProjectMetrics(
  ctx: AppContext,
  view: PlanView,
  project: Project,
  projectId: number,
  confirmYear: number | null,
): Promise<ProjectMetricsView> {
  const stored = await ctx.store.metrics.ofProject(view.summary.municipalityCode, projectId);
  const readings = new Map<Entry, EntryReading>();
  const dated: DatedMetric[] = [];
  for (const a of project.activities) {
    for (const e of a.entries) {
      const id = view.entryIds.get(e);
      const reading = id === undefined ? undefined : stored.get(id);
      if (!reading) continue;
      readings.set(e, reading);
      if (e.fiscalYear === null) continue;
      for (const metric of reading.metrics) {
        dated.push({ fiscalYear: e.fiscalYear, metric, activity: a.title });
      }
    }
  }
  return { readings, trends: metricTrends(dated), confirmYear };
}
