import type { KpiRecord } from '../../core/kpi-record.ts';
import { publicKpis } from '../../core/public-projection.ts';
import type { AppContext } from '../app-context.ts';

export type { KpiRecord } from '../../core/kpi-record.ts';

/** Every KPI of a plan with its targets and actuals, bounded by the municipality. */
export function loadKpis(ctx: AppContext, code: string, planId: number): Promise<KpiRecord[]> {
  return ctx.store.kpis.list(code, planId);
}

/**
 * The KPIs a reader of `readableYears` may see, by the one public rule: KPIs defined in a year
 * they may read (or with the plan), and actuals of those years only. For the public the
 * readable years are the published ones; a member reads every year.
 */
export async function loadVisibleKpis(
  ctx: AppContext,
  code: string,
  planId: number,
  readableYears: readonly number[],
): Promise<KpiRecord[]> {
  return publicKpis(await loadKpis(ctx, code, planId), new Set(readableYears));
}
