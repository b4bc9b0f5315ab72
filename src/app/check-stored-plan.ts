import type { Finding } from '../core/finding.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { Plan } from '../core/plan.ts';
import type { AppContext } from './app-context.ts';
import { planFindings } from './check/plan-findings.ts';
import { loadKpis } from './kpi/kpi-records.ts';
import { type PlanSelector, resolveAndLoadPlan } from './resolve-plan.ts';
import { defaultYearOfStoredPlan } from './views/default-year.ts';
import { yearStatuses } from './workflow/year-status.ts';

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
  const code = summary.municipalityCode;
  const [kpis, statuses] = await Promise.all([
    loadKpis(ctx, code, summary.id),
    yearStatuses(ctx.store.db, code, summary.id),
  ]);
  return { plan, fiscalYear, findings: planFindings(plan, fiscalYear, kpis, statuses) };
}
