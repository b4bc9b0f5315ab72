import type { Actor } from '../../core/permissions.ts';
import type { StatusScale } from '../../core/status-scale.ts';
import type { AppContext } from '../app-context.ts';
import { loadSettings } from '../evaluation/municipality-settings.ts';
import { loadVisibleKpis } from '../kpi/kpi-records.ts';
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
  // Only the KPIs and actuals this reader may see: the public, those of published years.
  const [records, settings, tree] = await Promise.all([
    loadVisibleKpis(ctx, code, planId, view.readableYears),
    loadSettings(ctx, code),
    ctx.store.kpis.tree(code, planId),
  ]);
  const { nodes, projects } = tree;
  // Roots in the order the plan's tree has them (the store lists them by position).
  const roots = nodes.filter((n) => n.parentId === null);
  const rootIndex = new Map(roots.map((n, i) => [n.id, i]));
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
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
  const nodeOfProject = new Map(projects.map((p) => [p.id, p.nodeId]));
  const kpis = records.map((r) => ({
    id: r.id,
    goalIndex: goalOfNode(
      r.scope === 'project' ? (nodeOfProject.get(r.projectId ?? -1) ?? null) : r.nodeId,
    ),
    definition: r.definition,
    actuals: r.actuals.map(({ fiscalYear, value, asOf, source }) => ({
      fiscalYear,
      value,
      asOf,
      source,
    })),
  }));
  return { view, kpis, scale: settings.scale };
}
