import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Plan } from '../core/plan.ts';
import { type KpiRow, type OpenDataTable, openDataCsv } from '../formats/csv/open-data-csv.ts';
import type { AppContext } from './app-context.ts';
import { loadKpis, loadVisibleKpis } from './kpi/kpi-records.ts';

/**
 * KPIs of a plan with the title or number of what each belongs to, for open data. With
 * `readableYears` (a reader on the web), only what they may see by the one public rule.
 */
export async function kpiRows(
  ctx: AppContext,
  code: string,
  planId: number,
  readableYears?: readonly FiscalYear[],
): Promise<KpiRow[]> {
  const [kpis, tree] = await Promise.all([
    readableYears ? loadVisibleKpis(ctx, code, planId, readableYears) : loadKpis(ctx, code, planId),
    ctx.store.kpis.tree(code, planId),
  ]);
  const nodeTitle = new Map(tree.nodes.map((n) => [n.id, n.title]));
  const projectNo = new Map(tree.projects.map((p) => [p.id, p.no]));
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
    /** The variant meant for Excel: a BOM, and formulas neutralised (docs/open-data-csv.md). */
    bom: boolean;
  },
): Promise<string> {
  const kpis =
    input.table === 'kpis'
      ? // Through the one public rule: no KPI defined in, and no actual of, an unreadable year.
        await kpiRows(ctx, input.code, input.planId, [...input.readable])
      : [];
  return openDataCsv(input.table, input.plan, new Set(input.years), { bom: input.bom, kpis });
}
