import { SouseiError } from '../../core/errors.ts';
import type { Metric } from '../../core/figures/metric.ts';
import { type Actor, canEnterKpiActual } from '../../core/permissions.ts';
import type { AppContext } from '../app-context.ts';

/** Where a KPI's actual came from, in words: `事業の結果の数値: 移住相談 52件`. */
export function metricSource(m: Metric): string {
  const label = m.partOf ? `${m.partOf}のうち${m.label}` : m.label;
  return `事業の結果の数値: ${label === '' ? '' : `${label} `}${m.value}${m.unit}`;
}

/**
 * Takes a stored figure of a result (entry id and place) as the KPI's actual for the result's
 * year, recorded with its source (the figure's words and the entry). A project KPI takes the
 * figures of its own project; a goal's or a measure's any figure of its plan. The year must be
 * open and the person allowed to enter the KPI's actual. Returns the value taken.
 */
export async function linkMetricToKpi(
  ctx: AppContext,
  actor: Actor | null,
  args: { municipalityCode: string; kpiId: number; entryId: number; position: number },
): Promise<number> {
  const code = args.municipalityCode;
  const kpi = await ctx.store.kpis.storedOwner(code, args.kpiId);
  const metric = await ctx.store.metrics.find(code, args.entryId, args.position);
  const fiscalYear = metric?.fiscalYear ?? null;
  if (
    !metric ||
    fiscalYear === null ||
    metric.planId !== kpi.planId ||
    (kpi.scope === 'project' && kpi.projectId !== metric.projectId)
  ) {
    throw new SouseiError('not-found', 'metric.not-found');
  }
  const year = (await ctx.store.years.statuses(code, kpi.planId)).get(fiscalYear) ?? 'preparing';
  if (!canEnterKpiActual(actor, code, kpi, year) || !actor) {
    throw new SouseiError('forbidden', 'auth.forbidden');
  }
  await ctx.store.kpis.saveActual(
    {
      municipalityCode: code,
      kpiId: args.kpiId,
      actual: { fiscalYear, value: metric.value, asOf: metric.asOf, source: metricSource(metric) },
      entryId: metric.entryId,
    },
    { userId: actor.userId, origin: 'web', now: ctx.now() },
  );
  return metric.value;
}
