import type { FiscalYear } from '../fiscal-year.ts';
import type { KpiRecord } from '../kpi-record.ts';
import type { Plan, PlanNode, Project } from '../plan.ts';
import type { StatusScale } from '../status-scale.ts';

/**
 * Everything a drafted analysis is written from, as the reader may see it (the public's plan
 * holds published years only): the plan, the store's ids of its nodes and projects (for the
 * sources of numbers), its KPIs, the municipality's status bands and whether the year is closed.
 */
export interface AnalysisInput {
  plan: Plan;
  fiscalYear: FiscalYear;
  projectIds: ReadonlyMap<Project, number>;
  nodeIds: ReadonlyMap<PlanNode, number>;
  kpis: readonly KpiRecord[];
  scale: StatusScale;
  /** Locked or published: a KPI without an actual then has none recorded, not none yet. */
  yearClosed: boolean;
  /**
   * The committee's 今後の方針 of the year by project id, for readers who may see evaluations
   * (members); absent or empty otherwise.
   */
  policies?: ReadonlyMap<number, string>;
  /** How the plan writes ⇒ (its conventions), for reading figures out of results. */
  arrow?: 'revision' | 'target-actual';
}
