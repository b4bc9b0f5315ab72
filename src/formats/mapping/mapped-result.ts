import type { Finding } from '../../core/finding.ts';
import type { KpiActual, KpiDefinition } from '../../core/kpi.ts';
import type { Plan } from '../../core/plan.ts';

/** A KPI read from a row: its project, definition and actuals. */
export interface MappedKpi {
  projectNo: string;
  definition: KpiDefinition;
  actuals: KpiActual[];
}

export interface MappedEvaluation {
  projectNo: string;
  fiscalYear: number;
  effect: string | null;
  policy: string | null;
  comment: string | null;
}

/** What a dry run shows before anything is written: how many rows map to what. */
export interface MappingSummary {
  rows: number;
  skippedRows: number;
  projects: number;
  /** Nodes per level, top first. */
  nodes: number[];
  financeYears: number;
  indicators: number;
  actuals: number;
  evaluations: number;
}

export interface MappedResult {
  plan: Plan | null;
  kpis: MappedKpi[];
  evaluations: MappedEvaluation[];
  summary: MappingSummary;
  findings: Finding[];
}
