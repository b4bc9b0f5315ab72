import type { Finding } from '../core/finding.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Plan } from '../core/plan.ts';
import type { AppContext } from './app-context.ts';
import { type PlanSelector, resolveAndLoadPlan } from './resolve-plan.ts';
import { defaultYearOfStoredPlan } from './views/default-year.ts';
import { yearGate } from './workflow/year-gate.ts';

export interface CheckInput extends PlanSelector {
  /** Default: the latest fiscal year with figures. */
  fiscalYear?: FiscalYear;
}

export async function checkStoredPlan(
  ctx: AppContext,
  input: CheckInput,
): Promise<{ plan: Plan; fiscalYear: FiscalYear; findings: Finding[] }> {
  const { summary, plan } = await resolveAndLoadPlan(ctx, input);
  const fiscalYear =
    input.fiscalYear ?? (await defaultYearOfStoredPlan(ctx, summary, plan, 'review'));
  // The same findings as the check page: one gate for both.
  const gate = await yearGate(ctx, summary.municipalityCode, summary.id, fiscalYear);
  return { plan, fiscalYear, findings: gate.findings };
}
