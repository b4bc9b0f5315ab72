import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { AppContext } from '../app-context.ts';
import { operatorOf } from '../operator.ts';
import { type PlanSelector, resolvePlan } from '../resolve-plan.ts';
import { defaultYearOf } from '../views/default-year.ts';
import { loadPlanView } from '../views/plan-view.ts';
import { type AnalysisPageView, loadAnalysisPage } from './analysis-page.ts';

/**
 * The analysis of a plan's year as an operator reads it (the CLI): every scope, its draft and
 * what is stored. The year defaults to the one under review (the latest closed year).
 */
export async function loadOperatorAnalysis(
  ctx: AppContext,
  selector: PlanSelector,
  fiscalYear: FiscalYear | undefined,
): Promise<{ title: string; analysis: AnalysisPageView }> {
  const summary = await resolvePlan(ctx, selector);
  const operator = operatorOf(summary.municipalityCode);
  const view = await loadPlanView(ctx, operator, summary.municipalityCode, summary.id);
  const fy = fiscalYear ?? defaultYearOf(view, 'review') ?? summary.firstFiscalYear;
  return { title: summary.title, analysis: await loadAnalysisPage(ctx, operator, view, fy) };
}
