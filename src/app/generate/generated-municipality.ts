import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { KpiActual, KpiDefinition, KpiScope } from '../../core/kpi.ts';
import type { Plan } from '../../core/plan.ts';
import type { YearStatus } from '../../core/workflow.ts';

/** A KPI of a generated plan, placed by what the KPI import matches on (docs/kpi-import.md). */
export interface GeneratedKpi {
  scope: KpiScope;
  /** A goal's or measure's title as written in the plan, or a project's number. */
  owner: string;
  definition: KpiDefinition;
  actuals: KpiActual[];
}

/** One municipality's generated data: its plan, the plan's KPIs and each year's status. */
export interface GeneratedMunicipality {
  plan: Plan;
  kpis: GeneratedKpi[];
  years: { fiscalYear: FiscalYear; status: YearStatus }[];
}

/** The plan period of every generated plan: R2 to R6 (第2期総合戦略). */
export const GENERATED_FIRST_YEAR = 2020;
export const GENERATED_LAST_YEAR = 2024;
export const GENERATED_PROJECTS = 50;
