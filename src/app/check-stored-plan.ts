import type { Finding } from '../core/finding.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Plan } from '../core/plan.ts';
import { checkPlan } from '../core/plan-checks.ts';
import type { AppContext } from './app-context.ts';
import { fiscalYearsWithFigures, type PlanSelector, resolveAndLoadPlan } from './resolve-plan.ts';

export interface CheckInput extends PlanSelector {
  /** Default: the latest fiscal year with figures. */
  fiscalYear?: FiscalYear;
}

export async function checkStoredPlan(
  ctx: AppContext,
  input: CheckInput,
): Promise<{ plan: Plan; fiscalYear: FiscalYear; findings: Finding[] }> {
  const { plan } = await resolveAndLoadPlan(ctx, input);
  const fiscalYear =
    input.fiscalYear ?? fiscalYearsWithFigures(plan).at(-1) ?? plan.plan.firstFiscalYear;
  return { plan, fiscalYear, findings: checkPlan(plan, fiscalYear) };
}
