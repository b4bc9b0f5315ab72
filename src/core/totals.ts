import type { FiscalYear } from './fiscal-year.ts';
import { executionRate, sumAmounts, type Yen } from './money.ts';
import { financeFor, type PlanNode, type Project } from './plan.ts';

/** Budget, settlement and execution rate (決算/予算) of a set of projects for one fiscal year. */
export interface Totals {
  budget: Yen | null;
  settlement: Yen | null;
  rate: number | null;
}

/** Totals are always computed from the projects, never stored (issue #2). */
export function totalsOfProjects(projects: readonly Project[], fiscalYear: FiscalYear): Totals {
  const finances = projects.map((p) => financeFor(p, fiscalYear));
  const budget = sumAmounts(finances.map((f) => f?.budget ?? null));
  const settlement = sumAmounts(finances.map((f) => f?.settlement ?? null));
  return { budget, settlement, rate: executionRate(budget, settlement) };
}

export function projectsUnder(node: PlanNode): Project[] {
  return [...node.projects, ...node.children.flatMap(projectsUnder)];
}

export function totalsOfNode(node: PlanNode, fiscalYear: FiscalYear): Totals {
  return totalsOfProjects(projectsUnder(node), fiscalYear);
}

export function totalsOfPlan(nodes: readonly PlanNode[], fiscalYear: FiscalYear): Totals {
  return totalsOfProjects(nodes.flatMap(projectsUnder), fiscalYear);
}
