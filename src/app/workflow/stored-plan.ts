import type { IndexedPlan } from '../../store/load-plan.ts';
import type { AppContext } from '../app-context.ts';
import { type KpiRecord, loadKpis } from '../kpi/kpi-records.ts';

/**
 * The one place the cycle reads the plan and its KPIs, which belong to other store modules
 * still on the transitional raw handle; when those modules land, only this file changes.
 */
export async function storedPlan(
  ctx: AppContext,
  municipalityCode: string,
  planId: number,
): Promise<IndexedPlan | undefined> {
  return ctx.store.plans.loadIndexed(municipalityCode, planId);
}

export async function storedKpis(
  ctx: AppContext,
  municipalityCode: string,
  planId: number,
): Promise<KpiRecord[]> {
  return loadKpis(ctx, municipalityCode, planId);
}
