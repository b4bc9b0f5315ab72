import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Plan } from '../../core/plan.ts';
import type { StatusScale } from '../../core/status-scale.ts';
import { budgetByGoal, budgetByYear } from './budget-charts.ts';
import type { ChartData, ChartId } from './chart-data.ts';
import { executionRates } from './execution-rate-chart.ts';
import { type DashboardKpi, kpiBands, kpiTrend } from './kpi-charts.ts';

/** Every chart of the dashboard page, built from the same plan. */

/** Every chart of the dashboard page for one year; the KPI charts are null without KPIs. */
export interface DashboardCharts {
  budgetByGoal: ChartData;
  budgetByYear: ChartData;
  executionRates: ChartData;
  kpiBands: ChartData | null;
  kpiTrend: ChartData | null;
  /** The KPI the trend shows: the one asked for, else the first. */
  kpi: DashboardKpi | null;
}

export function dashboardCharts(input: {
  plan: Plan;
  fiscalYear: FiscalYear;
  /** The years this reader may see, oldest first (budget by year). */
  readableYears: readonly FiscalYear[];
  kpis: readonly DashboardKpi[];
  scale: StatusScale;
  kpiId: number | null;
}): DashboardCharts {
  const { plan, fiscalYear, kpis } = input;
  const kpi = kpis.find((k) => k.id === input.kpiId) ?? kpis[0] ?? null;
  return {
    budgetByGoal: budgetByGoal(plan, fiscalYear),
    budgetByYear: budgetByYear(plan, input.readableYears),
    executionRates: executionRates(plan, fiscalYear),
    kpiBands: kpis.length > 0 ? kpiBands(plan, kpis, fiscalYear, input.scale) : null,
    kpiTrend: kpi ? kpiTrend(plan, kpi) : null,
    kpi,
  };
}

/** The chart with this id among the page's charts, or null (a KPI chart without KPIs). */
export function chartById(charts: DashboardCharts, id: ChartId): ChartData | null {
  const all = [
    charts.budgetByGoal,
    charts.budgetByYear,
    charts.executionRates,
    charts.kpiBands,
    charts.kpiTrend,
  ];
  return all.find((c) => c?.id === id) ?? null;
}
