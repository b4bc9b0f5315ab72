import { defaultFiscalYear, type YearPurpose } from '../../core/default-fiscal-year.ts';
import { type FiscalYear, fiscalYearsBetween } from '../../core/fiscal-year.ts';
import type { Plan } from '../../core/plan.ts';
import type { PlanSummary } from '../../store/load-plan.ts';
import type { AppContext } from '../app-context.ts';
import { fiscalYearsWithFigures } from '../resolve-plan.ts';
import type { PlanView } from './plan-view.ts';

/** The year a page opens on when none is asked: the one rule (core/default-fiscal-year.ts). */
export function defaultYearOf(view: PlanView, purpose: YearPurpose): FiscalYear | undefined {
  return defaultFiscalYear(
    {
      years: view.years,
      readable: view.readableYears,
      withFigures: fiscalYearsWithFigures(view.plan),
    },
    purpose,
  );
}

/**
 * The same rule for a command run by an operator, who reads every year: the plan's period and
 * any other year with figures or a status.
 */
export async function defaultYearOfStoredPlan(
  ctx: AppContext,
  summary: PlanSummary,
  plan: Plan,
  purpose: YearPurpose,
): Promise<FiscalYear> {
  const statuses = await ctx.store.years.statuses(summary.municipalityCode, summary.id);
  const withFigures = fiscalYearsWithFigures(plan);
  const all = new Set([
    ...fiscalYearsBetween(summary.firstFiscalYear, summary.lastFiscalYear),
    ...withFigures,
    ...statuses.keys(),
  ]);
  const years = [...all]
    .sort((a, b) => a - b)
    .map(
      (fiscalYear) => ({ fiscalYear, status: statuses.get(fiscalYear) ?? 'preparing' }) as const,
    );
  const readable = years.map((y) => y.fiscalYear);
  return defaultFiscalYear({ years, readable, withFigures }, purpose) ?? summary.firstFiscalYear;
}
