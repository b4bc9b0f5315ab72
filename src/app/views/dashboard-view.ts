import type { Actor } from '../../core/permissions.ts';
import type { StatusScale } from '../../core/status-scale.ts';
import type { AppContext } from '../app-context.ts';
import { loadSettings } from '../evaluation/municipality-settings.ts';
import { loadKpis } from '../kpi/kpi-records.ts';
import type { DashboardKpi } from './kpi-charts.ts';
import { loadPlanView, type PlanView } from './plan-view.ts';

export interface DashboardSource {
  /** The plan as this actor may see it (the public: published years only). */
  view: PlanView;
  /** The plan's KPIs, each placed under its basic goal, with actuals of readable years only. */
  kpis: DashboardKpi[];
  /** The municipality's status scale (evaluation settings). */
  scale: StatusScale;
}

/**
 * What the dashboard's charts are drawn from: the plan view (access rules included), the KPIs
 * and the scale in use. A KPI belongs to the basic goal above its node or its project.
 */
export async function loadDashboardSource(
  ctx: AppContext,
  actor: Actor | null,
  code: string,
  planId: number,
): Promise<DashboardSource> {
  const view = await loadPlanView(ctx, actor, code, planId);
  const db = ctx.store.db;
  const [records, settings, nodes, projects] = await Promise.all([
    loadKpis(db, code, planId),
    loadSettings(ctx, code),
    db
      .selectFrom('plan_nodes')
      .select(['id', 'parent_id', 'position'])
      .where('municipality_code', '=', code)
      .where('plan_id', '=', planId)
      .execute(),
    db
      .selectFrom('projects')
      .select(['id', 'node_id'])
      .where('municipality_code', '=', code)
      .where('plan_id', '=', planId)
      .execute(),
  ]);
  // Roots in the order the plan's tree has them (loadIndexedPlan: by position).
  const roots = nodes
    .filter((n) => n.parent_id === null)
    .sort((a, b) => a.position - b.position || a.id - b.id);
  const rootIndex = new Map(roots.map((n, i) => [n.id, i]));
  const parentOf = new Map(nodes.map((n) => [n.id, n.parent_id]));
  const goalOfNode = (id: number | null): number | null => {
    let current = id;
    for (let guard = 0; current !== null && guard < 100; guard++) {
      const parent = parentOf.get(current);
      if (parent === undefined) return null;
      if (parent === null) return rootIndex.get(current) ?? null;
      current = parent;
    }
    return null;
  };
  const nodeOfProject = new Map(projects.map((p) => [p.id, p.node_id]));
  const readable = new Set(view.readableYears);
  const kpis = records.map((r) => ({
    id: r.id,
    goalIndex: goalOfNode(
      r.scope === 'project' ? (nodeOfProject.get(r.projectId ?? -1) ?? null) : r.nodeId,
    ),
    definition: r.definition,
    // The public sees actuals of published years only, like every other figure.
    actuals: r.actuals
      .filter((a) => readable.has(a.fiscalYear))
      .map(({ fiscalYear, value, asOf, source }) => ({ fiscalYear, value, asOf, source })),
  }));
  return { view, kpis, scale: settings.scale };
}
