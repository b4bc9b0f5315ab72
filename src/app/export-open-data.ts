import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Plan } from '../core/plan.ts';
import { type KpiRow, type OpenDataTable, openDataCsv } from '../formats/csv/open-data-csv.ts';
import type { AppContext } from './app-context.ts';
import { loadKpis } from './kpi/kpi-records.ts';

/** KPIs of a plan with the title or number of what each belongs to, for open data. */
export async function kpiRows(ctx: AppContext, code: string, planId: number): Promise<KpiRow[]> {
  const db = ctx.store.db;
  const [kpis, nodes, projects] = await Promise.all([
    loadKpis(db, code, planId),
    db
      .selectFrom('plan_nodes')
      .select(['id', 'title'])
      .where('plan_id', '=', planId)
      .where('municipality_code', '=', code)
      .execute(),
    db
      .selectFrom('projects')
      .select(['id', 'no'])
      .where('plan_id', '=', planId)
      .where('municipality_code', '=', code)
      .execute(),
  ]);
  const nodeTitle = new Map(nodes.map((n) => [n.id, n.title]));
  const projectNo = new Map(projects.map((p) => [p.id, p.no]));
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
    bom: boolean;
  },
): Promise<string> {
  const kpis = input.table === 'kpis' ? await kpiRows(ctx, input.code, input.planId) : [];
  return openDataCsv(input.table, input.plan, new Set(input.years), { bom: input.bom, kpis });
}
