import { SouseiError } from '../../core/errors.ts';
import { type Actor, isAdmin } from '../../core/permissions.ts';
import type { YearAction, YearStatus } from '../../core/workflow.ts';
import type { AppContext } from '../app-context.ts';
import { yearGate } from './year-gate.ts';

/**
 * Opens, locks, unlocks, publishes or withdraws a fiscal year (administrators only). Locking
 * with unfinished projects and publishing with open errors (the check, unfinished projects
 * included) need a reason, which is recorded with the step.
 */
export async function changeYearStatus(
  ctx: AppContext,
  actor: Actor | null,
  input: {
    municipalityCode: string;
    planId: number;
    fiscalYear: number;
    action: YearAction;
    override?: string;
  },
): Promise<YearStatus> {
  if (!isAdmin(actor, input.municipalityCode)) throw new SouseiError('forbidden', 'auth.forbidden');
  const reason = input.override?.trim() || null;
  const gate = await yearGate(ctx, input.municipalityCode, input.planId, input.fiscalYear);
  if (!gate.inPlan) {
    throw new SouseiError('usage', 'year.out-of-plan', { fiscalYear: input.fiscalYear });
  }
  if (input.action === 'lock' && gate.unfinished.length > 0 && !reason) {
    throw new SouseiError('conflict', 'year.lock-has-unfinished', {
      count: gate.unfinished.length,
    });
  }
  if (input.action === 'publish' && gate.errors.length > 0 && !reason) {
    throw new SouseiError('conflict', 'year.publish-has-errors', { count: gate.errors.length });
  }
  const { to } = await ctx.store.years.transition({
    municipalityCode: input.municipalityCode,
    planId: input.planId,
    fiscalYear: input.fiscalYear,
    action: input.action,
    reason: input.action === 'lock' || input.action === 'publish' ? reason : null,
    userId: actor.userId,
    at: ctx.now(),
  });
  return to;
}
