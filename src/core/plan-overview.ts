import type { FiscalYear } from './fiscal-year.ts';
import type { Plan, PlanNode, Project } from './plan.ts';
import { type Totals, totalsOfNode, totalsOfPlan, totalsOfProjects } from './totals.ts';

/** One line of the plan's overview: a node with its totals, or a project with its figures. */
export type OverviewRow =
  | { kind: 'node'; depth: number; level: string; title: string; totals: Totals }
  | { kind: 'project'; depth: number; project: Project; totals: Totals };

/**
 * The tree with budget, settlement and execution rate at every level for one fiscal year, the
 * same rows for the CLI's `show` and the web page, and the plan's total last.
 */
export function planOverview(
  plan: Plan,
  fiscalYear: FiscalYear,
): { rows: OverviewRow[]; total: Totals } {
  const rows: OverviewRow[] = [];
  const walk = (nodes: readonly PlanNode[], depth: number) => {
    for (const node of nodes) {
      const level = plan.plan.levels[depth] ?? '';
      rows.push({
        kind: 'node',
        depth,
        level,
        title: node.title,
        totals: totalsOfNode(node, fiscalYear),
      });
      for (const project of node.projects) {
        rows.push({
          kind: 'project',
          depth: depth + 1,
          project,
          totals: totalsOfProjects([project], fiscalYear),
        });
      }
      walk(node.children, depth + 1);
    }
  };
  walk(plan.nodes, 0);
  return { rows, total: totalsOfPlan(plan.nodes, fiscalYear) };
}
