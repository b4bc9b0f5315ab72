import { type MetricTrend, metricTrends } from '../../core/metric-trends.ts';
import { allProjects } from '../../core/plan.ts';
import type { AppContext } from '../app-context.ts';
import type { PlanView } from '../views/plan-view.ts';

/** A project's recurring figure, named with its project for a plan-wide table. */
export type ProjectTrend = MetricTrend & { project: string };

/**
 * The recurring figures of every project of the plan the reader sees (the dashboard): the view
 * has passed the public projection, so unpublished years never make a point of a trend.
 */
export async function loadPlanMetricTrends(
  ctx: AppContext,
  view: PlanView,
): Promise<ProjectTrend[]> {
  const stored = await ctx.store.metrics.readingsOfPlan(
    view.summary.municipalityCode,
    view.summary.id,
  );
  return allProjects(view.plan).flatMap((p) => {
    const dated = p.activities.flatMap((a) =>
      a.entries.flatMap((e) => {
        const id = view.entryIds.get(e);
        const reading = id === undefined ? undefined : stored.get(id);
        const fiscalYear = e.fiscalYear;
        if (!reading || fiscalYear === null) return [];
        return reading.metrics.map((metric) => ({ fiscalYear, metric, activity: a.title }));
      }),
    );
    return metricTrends(dated).map((trend) => ({ ...trend, project: `${p.no}. ${p.name}` }));
  });
}
