import type { Entry, Plan, PlanNode, Project } from '../../core/plan.ts';
import { type EntryReading, metricOf } from '../../core/stored-metric.ts';
import type { AppContext } from '../app-context.ts';
import type { PlanView } from '../views/plan-view.ts';

/** An entry of the view with its stored figures and status, when it is a result that has them. */
export function entryWithMetrics(
  view: PlanView,
  stored: ReadonlyMap<number, EntryReading>,
): (e: Entry) => Entry {
  return (e) => {
    const id = view.entryIds.get(e);
    const reading = id === undefined ? undefined : stored.get(id);
    if (!reading || e.kind !== 'result') return { ...e };
    return {
      ...e,
      metrics: reading.metrics.map((m) => ({ ...metricOf(m), confirmed: m.confirmed })),
      status: reading.status,
    };
  };
}

/**
 * The plan as the reader sees it, each result carrying its stored figures and status (the JSON
 * format and the API, issue 12). The view's plan has passed the public projection already, so
 * the figures of unpublished years are not among its entries.
 */
export async function planWithMetrics(ctx: AppContext, view: PlanView): Promise<Plan> {
  const stored = await ctx.store.metrics.readingsOfPlan(
    view.summary.municipalityCode,
    view.summary.id,
  );
  const entry = (e: Entry): Entry => {
    const id = view.entryIds.get(e);
    const reading = id === undefined ? undefined : stored.get(id);
    if (!reading || e.kind !== 'result') return e;
    return {
      ...e,
      metrics: reading.metrics.map((m) => ({ ...metricOf(m), confirmed: m.confirmed })),
      status: reading.status,
    };
  };
  const project = (p: Project): Project => ({
    ...p,
    activities: p.activities.map((a) => ({ ...a, entries: a.entries.map(entry) })),
  });
  const node = (n: PlanNode): PlanNode => ({
    ...n,
    children: n.children.map(node),
    projects: n.projects.map(project),
  });
  return { ...view.plan, nodes: view.plan.nodes.map(node) };
}
