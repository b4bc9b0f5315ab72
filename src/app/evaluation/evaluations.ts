import { SouseiError } from '../../core/errors.ts';
import type { Evaluation } from '../../core/evaluation.ts';
import {
  type Actor,
  type CommentRole,
  canEvaluate,
  commentRoleOf,
} from '../../core/permissions.ts';
import type { ProjectRef } from '../../store/load-plan.ts';
import type { AppContext } from '../app-context.ts';
import type { PlanView } from '../views/plan-view.ts';
import type { FieldError } from '../workflow/save-project-year.ts';
import { loadSettings, type MunicipalitySettings } from './municipality-settings.ts';

export type { Evaluation, EvaluationComment } from '../../core/evaluation.ts';

/** Longest comment accepted (a committee's remarks run to a paragraph or two). */
export const MAX_COMMENT = 2000;

/** The roles that comment, in the order the pages list them. */
export const COMMENT_ROLES: readonly CommentRole[] = ['department', 'planning', 'committee'];

/** Evaluated: both 事業効果 and 今後の方針 are recorded (comments alone are not an evaluation). */
export function isEvaluated(e: Pick<Evaluation, 'effect' | 'policy'> | undefined): boolean {
  return Boolean(e?.effect && e.policy);
}

/** Evaluations and comments of a plan's projects for one year, by project id. */
export function loadEvaluations(
  ctx: AppContext,
  code: string,
  planId: number,
  fiscalYear: number,
): Promise<Map<number, Evaluation>> {
  return ctx.store.evaluations.list(code, planId, fiscalYear);
}

/**
 * A project of the plan for a year of the plan's period, else not found. Locked years are not
 * refused: the external committee meets in the summer after the fiscal year has closed (効果検証
 * of 地方版総合戦略). Published years are refused by the store: what the public read stays.
 */
async function evaluableProject(
  view: PlanView,
  input: { projectId: number; fiscalYear: number },
): Promise<ProjectRef> {
  const ref = [...view.refs.values()].find((r) => r.id === input.projectId);
  const { firstFiscalYear, lastFiscalYear } = view.summary;
  if (!ref || input.fiscalYear < firstFiscalYear || input.fiscalYear > lastFiscalYear) {
    throw new SouseiError('not-found', 'project.not-found', { id: input.projectId });
  }
  return ref;
}

export type EvaluationErrors = Partial<Record<'effect' | 'policy' | 'text', FieldError>>;

/** 事業効果 must be a band of the municipality's scale, 今後の方針 one of its list; blank is 未評価. */
export function evaluationErrors(
  settings: MunicipalitySettings,
  input: { effect: string; policy: string },
): EvaluationErrors {
  const errors: EvaluationErrors = {};
  const effect = input.effect.trim();
  const policy = input.policy.trim();
  if (effect && !settings.scale.bands.some((b) => b.label === effect)) {
    errors.effect = { key: 'evaluation.invalid-effect', params: { effect } };
  }
  if (policy && !settings.policies.includes(policy)) {
    errors.policy = { key: 'evaluation.invalid-policy', params: { policy } };
  }
  return errors;
}

export type SaveEvaluationResult = { ok: true } | { ok: false; errors: EvaluationErrors };

/** Which project's evaluation of which year, in a plan view the actor may read. */
export interface EvaluationTarget {
  view: PlanView;
  projectId: number;
  fiscalYear: number;
}

function keyOf(target: EvaluationTarget) {
  return {
    municipalityCode: target.view.summary.municipalityCode,
    planId: target.view.summary.id,
    projectId: target.projectId,
    fiscalYear: target.fiscalYear,
  };
}

/**
 * 事業効果 on the municipality's scale and 今後の方針: committee members and administrators
 * (permission first, so a refused person learns nothing about the values). Blank clears a value.
 */
export async function saveEvaluation(
  ctx: AppContext,
  actor: Actor | null,
  input: EvaluationTarget & { effect: string; policy: string },
): Promise<SaveEvaluationResult> {
  const code = input.view.summary.municipalityCode;
  if (!canEvaluate(actor, code) || !actor) throw new SouseiError('forbidden', 'auth.forbidden');
  await evaluableProject(input.view, input);
  const settings = await loadSettings(ctx, code);
  const errors = evaluationErrors(settings, input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await ctx.store.evaluations.save(
    keyOf(input),
    { effect: input.effect.trim() || null, policy: input.policy.trim() || null },
    { userId: actor.userId, origin: 'web', now: ctx.now() },
  );
  return { ok: true };
}

/** A comment's text checked: not blank, not too long. */
function commentErrors(text: string): EvaluationErrors {
  if (!text) return { text: { key: 'evaluation.empty-comment' } };
  if (text.length > MAX_COMMENT)
    return { text: { key: 'text.too-long', params: { max: MAX_COMMENT } } };
  return {};
}

/** A comment in the writer's role: 担当課 (own projects), 企画課, or committee. */
export async function addComment(
  ctx: AppContext,
  actor: Actor | null,
  input: EvaluationTarget & { text: string },
): Promise<SaveEvaluationResult> {
  const code = input.view.summary.municipalityCode;
  const project = await evaluableProject(input.view, input);
  const role = commentRoleOf(actor, code, project);
  if (!role || !actor) throw new SouseiError('forbidden', 'auth.forbidden');
  const text = input.text.trim();
  const errors = commentErrors(text);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await ctx.store.evaluations.addComment(
    keyOf(input),
    { role, text },
    { userId: actor.userId, origin: 'web', now: ctx.now() },
  );
  return { ok: true };
}

/** What 評価を保存 saved: the evaluation, and the comment typed with it if there was one. */
export type SaveEvaluationFormResult =
  | { ok: true; evaluation: boolean; comment: boolean }
  | { ok: false; errors: EvaluationErrors };

/**
 * 評価を保存 on the evaluation form: the evaluation and, when the comment box holds text, that
 * comment too, in one transaction, so nothing typed on the page is lost (issue 8). Either both
 * are saved or neither, and a refusal keeps everything typed.
 */
export async function saveEvaluationWithComment(
  ctx: AppContext,
  actor: Actor | null,
  input: EvaluationTarget & { effect: string; policy: string; comment: string },
  options: { requireComment?: boolean } = {},
): Promise<SaveEvaluationFormResult> {
  const code = input.view.summary.municipalityCode;
  if (!canEvaluate(actor, code) || !actor) throw new SouseiError('forbidden', 'auth.forbidden');
  const project = await evaluableProject(input.view, input);
  const text = input.comment.trim();
  const role = text ? commentRoleOf(actor, code, project) : null;
  if (text && !role) throw new SouseiError('forbidden', 'auth.forbidden');
  const settings = await loadSettings(ctx, code);
  const checkComment = text !== '' || options.requireComment === true;
  const errors = {
    ...evaluationErrors(settings, input),
    ...(checkComment ? commentErrors(text) : {}),
  };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const writer = { userId: actor.userId, origin: 'web' as const, now: ctx.now() };
  const evaluation = await ctx.store.transaction(async (tx) => {
    const changed = await tx.evaluations.save(
      keyOf(input),
      { effect: input.effect.trim() || null, policy: input.policy.trim() || null },
      writer,
    );
    if (role) await tx.evaluations.addComment(keyOf(input), { role, text }, writer);
    return changed;
  });
  return { ok: true, evaluation, comment: role !== null };
}
