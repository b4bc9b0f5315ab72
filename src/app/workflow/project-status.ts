import { SouseiError } from '../../core/errors.ts';
import { type Actor, canActOnProject } from '../../core/permissions.ts';
import type { ProjectAction, ProjectStatus } from '../../core/workflow.ts';
import type { AppContext } from '../app-context.ts';
import { assertMayWrite } from './assert-entry-open.ts';
import { storedPlan } from './stored-plan.ts';
import { type SubmitReasons, submitGaps } from './submit-gaps.ts';

/**
 * A department marks its project 入力完了 (submit); the planning division accepts it or returns
 * it with a comment. 入力完了 needs the year's 予算, 決算 and a result ▶, or a stated reason for
 * each that is missing. Every step is kept in the history.
 */
export async function changeProjectStatus(
  ctx: AppContext,
  actor: Actor | null,
  input: {
    municipalityCode: string;
    projectId: number;
    fiscalYear: number;
    action: ProjectAction;
    comment?: string;
    reasons?: SubmitReasons;
  },
): Promise<ProjectStatus> {
  const code = input.municipalityCode;
  const project = await ctx.store.projectYears.project(code, input.projectId);
  const year = await ctx.store.years.status(code, project.planId, input.fiscalYear);
  assertMayWrite(
    canActOnProject(actor, code, project, 'open', input.action),
    canActOnProject(actor, code, project, year, input.action),
    year,
    input.fiscalYear,
  );
  if (!actor) throw new SouseiError('forbidden', 'auth.forbidden');
  const comment = input.comment?.trim() || null;
  if (input.action === 'return' && !comment) {
    throw new SouseiError('usage', 'project.return-needs-comment');
  }
  let reasons: SubmitReasons | undefined;
  if (input.action === 'submit') {
    const indexed = await storedPlan(ctx, code, project.planId);
    const model = indexed && [...indexed.projects].find(([, ref]) => ref.id === project.id)?.[0];
    if (!model) throw new SouseiError('not-found', 'project.not-found', { id: project.id });
    const gaps = submitGaps(model, input.fiscalYear, input.reasons ?? {});
    if (gaps.missing.length > 0) {
      throw new SouseiError('conflict', 'project.submit-incomplete', {
        missing: gaps.missing.join('・'),
      });
    }
    reasons = gaps.reasons;
  }
  const { to } = await ctx.store.projectYears.transition({
    municipalityCode: code,
    planId: project.planId,
    projectId: project.id,
    fiscalYear: input.fiscalYear,
    action: input.action,
    comment,
    reasons,
    userId: actor.userId,
    at: ctx.now(),
  });
  return to;
}
