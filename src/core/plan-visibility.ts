import type { FiscalYear } from './fiscal-year.ts';
import type { Plan, PlanNode } from './plan.ts';

/**
 * The plan as the public may see it: figures and dated entries of the given (published) fiscal
 * years only. Undated entries stay: they come from tables that were themselves published.
 */
export function restrictToYears(plan: Plan, years: ReadonlySet<FiscalYear>): Plan {
  const node = (n: PlanNode): PlanNode => ({
    title: n.title,
    children: n.children.map(node),
    projects: n.projects.map((p) => ({
      ...p,
      finances: p.finances.filter((f) => years.has(f.fiscalYear)),
      activities: p.activities.map((a) => ({
        ...a,
        entries: a.entries.filter((e) => e.fiscalYear === null || years.has(e.fiscalYear)),
      })),
    })),
  });
  return {
    ...plan,
    nodes: plan.nodes.map(node),
    statedTotals: plan.statedTotals.filter((t) => years.has(t.fiscalYear)),
  };
}
