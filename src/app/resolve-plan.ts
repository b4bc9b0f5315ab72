import { SouseiError } from '../core/errors.ts';
import type { Plan } from '../core/plan.ts';
import type { PlanSummary } from '../store/load-plan.ts';
import type { AppContext } from './app-context.ts';
import { knownMunicipality } from './known-municipality.ts';

export interface PlanSelector {
  municipalityCode?: string;
  title?: string;
}

/** Finds the one plan a command means: named, or the only one there is. */
export async function resolvePlan(ctx: AppContext, selector: PlanSelector): Promise<PlanSummary> {
  const plans = (await ctx.store.plans.list(selector.municipalityCode)).filter(
    (p) => selector.title === undefined || p.title === selector.title,
  );
  const [only] = plans;
  if (plans.length === 1 && only) return only;
  if (plans.length === 0) {
    // A code not in the 全国地方公共団体コード list is most likely mistyped: say so, with near
    // codes, rather than only that no plan was found. Still "not found" (exit 3) for scripts.
    if (selector.municipalityCode !== undefined) {
      knownMunicipality(selector.municipalityCode, null, 'not-found');
    }
    const detail = [selector.municipalityCode, selector.title].filter(Boolean).join(' ');
    throw new SouseiError('not-found', 'plan.not-found', { detail: detail ? `: ${detail}` : '' });
  }
  throw new SouseiError('usage', 'plan.ambiguous', {
    choices: plans.map((p) => `${p.municipalityCode} ${p.title}`).join(', '),
  });
}

export async function resolveAndLoadPlan(
  ctx: AppContext,
  selector: PlanSelector,
): Promise<{ summary: PlanSummary; plan: Plan }> {
  const summary = await resolvePlan(ctx, selector);
  const plan = await ctx.store.plans.load(summary.municipalityCode, summary.id);
  if (!plan) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  return { summary, plan };
}

/** Fiscal years the plan has figures for, oldest first. */
export function fiscalYearsWithFigures(plan: Plan): number[] {
  const years = new Set<number>();
  const walk = (nodes: Plan['nodes']) => {
    for (const n of nodes) {
      for (const p of n.projects) for (const f of p.finances) years.add(f.fiscalYear);
      walk(n.children);
    }
  };
  walk(plan.nodes);
  for (const t of plan.statedTotals) years.add(t.fiscalYear);
  return [...years].sort((a, b) => a - b);
}
