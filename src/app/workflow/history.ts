import { SouseiError } from '../../core/errors.ts';
import type { Yen } from '../../core/money.ts';
import { type Actor, isAdmin } from '../../core/permissions.ts';
import type { Activity } from '../../core/plan.ts';
import type { HistoryItem } from '../../store/history/history-store.ts';
import type { AppContext } from '../app-context.ts';
import { assertEntryOpen } from './assert-entry-open.ts';
import { storedPlan } from './stored-plan.ts';

export type { HistoryItem };

/** Every change of a plan (or one project), newest first: who, when, before and after. */
export function listHistory(
  ctx: AppContext,
  input: { municipalityCode: string; planId: number; projectId?: number; limit?: number },
): Promise<HistoryItem[]> {
  return ctx.store.history.list(input);
}

/**
 * Writes a change's `before` back (administrators; figures and activities only, and only while
 * the year is open: locked years are read-only for everybody). The restore is itself recorded.
 */
export async function restoreChange(
  ctx: AppContext,
  actor: Actor | null,
  input: { municipalityCode: string; changeId: number },
): Promise<void> {
  const code = input.municipalityCode;
  if (!isAdmin(actor, code)) throw new SouseiError('forbidden', 'auth.forbidden');
  const change = await ctx.store.history.find(code, input.changeId);
  if (!change || change.projectId === null || change.fiscalYear === null) {
    throw new SouseiError('not-found', 'change.not-found', { id: input.changeId });
  }
  const { target, fiscalYear } = change;
  if (target.type !== 'finance' && target.type !== 'activities') {
    throw new SouseiError('usage', 'change.not-restorable');
  }
  const project = await ctx.store.projectYears.project(code, change.projectId);
  const year = await ctx.store.years.status(code, project.planId, fiscalYear);
  assertEntryOpen(year, fiscalYear);
  if (year !== 'open') throw new SouseiError('conflict', 'year.not-open');
  const scope = {
    municipalityCode: code,
    planId: project.planId,
    projectId: project.id,
    fiscalYear,
    userId: actor.userId,
    origin: 'restore' as const,
    at: ctx.now(),
  };
  if (target.type === 'finance') {
    await ctx.store.yearEntries.restoreFinance(scope, target.field, change.before as Yen | null);
    return;
  }
  const indexed = await storedPlan(ctx, code, project.planId);
  const model = indexed && [...indexed.projects].find(([, ref]) => ref.id === project.id)?.[0];
  await ctx.store.yearEntries.restoreActivities(
    scope,
    change.before as Activity[],
    model?.activities ?? [],
  );
}
