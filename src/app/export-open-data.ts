import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Plan } from '../core/plan.ts';
import { type KpiRow, type OpenDataTable, openDataCsv } from '../formats/csv/open-data-csv.ts';
import type { AppContext } from './app-context.ts';
import { loadKpis } from './kpi/kpi-records.ts';

/** KPIs of a plan with the title or number of what each belongs to, for open data. */
export async function kpiRows(ctx: AppContext, code: string, planId: number): Promise<KpiRow[]> {
  const [kpis, { nodeTitles: nodeTitle, projectNos: projectNo }] = await Promise.all([
    // Transitional: the KPI module's read replaces this once it has one.
    loadKpis(ctx.store.db, code, planId),
    ctx.store.plans.names(code, planId),
  ]);
  return kpis.map((k) => ({
    scope: k.scope,
    owner:
      (k.projectId !== null ? projectNo.get(k.projectId) : nodeTitle.get(k.nodeId ?? -1)) ?? '',
    definition: k.definition,
    actuals: k.actuals,
  }));
}

/** One open-data CSV of a plan for the given fiscal years (the caller decides which may be seen). */
export async function exportOpenData(
  ctx: AppContext,
  input: {
    code: string;
    planId: number;
    plan: Plan;
    table: OpenDataTable;
    years: readonly FiscalYear[];
    /** Years the reader may read: actuals of others stay out, cumulative sums included. */
    readable: ReadonlySet<FiscalYear>;
    bom: boolean;
  },
): Promise<string> {
  const kpis =
    input.table === 'kpis'
      ? (await kpiRows(ctx, input.code, input.planId)).map((k) => ({
          ...k,
          actuals: k.actuals.filter((a) => input.readable.has(a.fiscalYear)),
        }))
      : [];
  return openDataCsv(input.table, input.plan, new Set(input.years), { bom: input.bom, kpis });
}
