import type { AnalysisInput } from '../../core/analysis/analysis-input.ts';
import { SouseiError } from '../../core/errors.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { allNodes, type PlanNode, type Project } from '../../core/plan.ts';
import type { AppContext } from '../app-context.ts';
import { loadSettings } from '../evaluation/municipality-settings.ts';
import { loadVisibleKpis } from '../kpi/kpi-records.ts';
import type { PlanView } from '../views/plan-view.ts';

/**
 * The store's ids of the plan's nodes. Nodes are stored with their pre-order position (the order
 * allNodes walks), so the two lists pair one by one; titles are compared so that a tree changed
 * between the two reads is refused rather than mislabelled.
 */
async function nodeIdsOf(ctx: AppContext, view: PlanView): Promise<Map<PlanNode, number>> {
  const code = view.summary.municipalityCode;
  const { nodes } = await ctx.store.kpis.tree(code, view.summary.id);
  const walked = allNodes(view.plan);
  const ids = new Map<PlanNode, number>();
  walked.forEach(({ node }, i) => {
    const stored = nodes[i];
    if (!stored || stored.title !== node.title) {
      throw new SouseiError('conflict', 'analysis.tree-changed');
    }
    ids.set(node, stored.id);
  });
  return ids;
}

/** 今後の方針 by project: evaluations are the municipality's own, so the public's draft has none. */
async function policiesOf(
  ctx: AppContext,
  view: PlanView,
  fiscalYear: FiscalYear,
): Promise<Map<number, string>> {
  if (!view.isMember) return new Map();
  const code = view.summary.municipalityCode;
  const evaluations = await ctx.store.evaluations.list(code, view.summary.id, fiscalYear);
  const out = new Map<number, string>();
  for (const [projectId, e] of evaluations) if (e.policy) out.set(projectId, e.policy);
  return out;
}

/** What the analysis of a plan's year is drafted from, as this view's reader may see it. */
export async function loadAnalysisInput(
  ctx: AppContext,
  view: PlanView,
  fiscalYear: FiscalYear,
): Promise<AnalysisInput> {
  const code = view.summary.municipalityCode;
  const [nodeIds, kpis, settings, policies] = await Promise.all([
    nodeIdsOf(ctx, view),
    loadVisibleKpis(ctx, code, view.summary.id, view.readableYears),
    loadSettings(ctx, code),
    policiesOf(ctx, view, fiscalYear),
  ]);
  const status = view.years.find((y) => y.fiscalYear === fiscalYear)?.status ?? 'preparing';
  return {
    plan: view.plan,
    fiscalYear,
    projectIds: new Map([...view.refs].map(([p, ref]): [Project, number] => [p, ref.id])),
    nodeIds,
    kpis,
    scale: settings.scale,
    yearClosed: status === 'locked' || status === 'published',
    policies,
  };
}
