import { SouseiError } from '../../core/errors.ts';
import {
  type Actor,
  type CommentRole,
  canEvaluate,
  commentRoleOf,
} from '../../core/permissions.ts';
import type { AppContext } from '../app-context.ts';
import { findProject, type ProjectRow } from '../workflow/find-project.ts';
import type { FieldError } from '../workflow/save-project-year.ts';
import { loadSettings, type MunicipalitySettings } from './municipality-settings.ts';

export interface EvaluationComment {
  id: number;
  role: CommentRole;
  userName: string | null;
  text: string;
  at: string;
}

export interface Evaluation {
  projectId: number;
  fiscalYear: number;
  effect: string | null;
  policy: string | null;
  comments: EvaluationComment[];
}

/** Longest comment accepted (a committee's remarks run to a paragraph or two). */
export const MAX_COMMENT = 2000;

/** The roles that comment, in the order the pages list them. */
export const COMMENT_ROLES: readonly CommentRole[] = ['department', 'planning', 'committee'];

/** Evaluated: both 事業効果 and 今後の方針 are recorded (comments alone are not an evaluation). */
export function isEvaluated(e: Pick<Evaluation, 'effect' | 'policy'> | undefined): boolean {
  return Boolean(e?.effect && e.policy);
}

/** Evaluations and comments of a plan's projects for one year, by project id. */
export async function loadEvaluations(
  ctx: AppContext,
  code: string,
  planId: number,
  fiscalYear: number,
): Promise<Map<number, Evaluation>> {
  const db = ctx.store.db;
  const [rows, comments] = await Promise.all([
    db
      .selectFrom('evaluations')
      .innerJoin('projects', 'projects.id', 'evaluations.project_id')
      .select(['evaluations.project_id', 'evaluations.effect', 'evaluations.policy'])
      .where('evaluations.municipality_code', '=', code)
      .where('projects.plan_id', '=', planId)
      .where('evaluations.fiscal_year', '=', fiscalYear)
      .execute(),
    db
      .selectFrom('evaluation_comments')
      .innerJoin('projects', 'projects.id', 'evaluation_comments.project_id')
      .leftJoin('users', 'users.id', 'evaluation_comments.user_id')
      .select([
        'evaluation_comments.id',
        'evaluation_comments.project_id',
        'evaluation_comments.role',
        'evaluation_comments.text',
        'evaluation_comments.at',
        'users.name',
      ])
      .where('evaluation_comments.municipality_code', '=', code)
      .where('projects.plan_id', '=', planId)
      .where('evaluation_comments.fiscal_year', '=', fiscalYear)
      .orderBy('evaluation_comments.id')
      .execute(),
  ]);
  const out = new Map<number, Evaluation>();
  const get = (projectId: number) => {
    let e = out.get(projectId);
    if (!e) {
      e = { projectId, fiscalYear, effect: null, policy: null, comments: [] };
      out.set(projectId, e);
    }
    return e;
  };
  for (const r of rows) Object.assign(get(r.project_id), { effect: r.effect, policy: r.policy });
  for (const c of comments) {
    get(c.project_id).comments.push({
      id: c.id,
      role: c.role as CommentRole,
      userName: c.name,
      text: c.text,
      at: c.at,
    });
  }
  return out;
}

/**
 * A project of the plan for a year of the plan's period, else not found. Closed years are not
 * refused: the external committee meets in the summer after the fiscal year has closed (効果検証
 * of 地方版総合戦略), so evaluation and comments stay possible on locked and published years.
 */
async function evaluableProject(
  ctx: AppContext,
  input: { municipalityCode: string; planId: number; projectId: number; fiscalYear: number },
): Promise<ProjectRow> {
  const project = await findProject(ctx.store.db, input.municipalityCode, input.projectId);
  const plan = await ctx.store.db
    .selectFrom('plans')
    .select(['first_fiscal_year', 'last_fiscal_year'])
    .where('id', '=', input.planId)
    .where('municipality_code', '=', input.municipalityCode)
    .executeTakeFirst();
  if (!plan || project.planId !== input.planId) {
    throw new SouseiError('not-found', 'project.not-found', { id: input.projectId });
  }
  if (input.fiscalYear < plan.first_fiscal_year || input.fiscalYear > plan.last_fiscal_year) {
    throw new SouseiError('not-found', 'project.not-found', { id: input.projectId });
  }
  return project;
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

/**
 * 事業効果 on the municipality's scale and 今後の方針: committee members and administrators
 * (permission first, so a refused person learns nothing about the values). Blank clears a value.
 */
export async function saveEvaluation(
  ctx: AppContext,
  actor: Actor | null,
  input: {
    municipalityCode: string;
    planId: number;
    projectId: number;
    fiscalYear: number;
    effect: string;
    policy: string;
  },
): Promise<SaveEvaluationResult> {
  const code = input.municipalityCode;
  if (!canEvaluate(actor, code) || !actor) throw new SouseiError('forbidden', 'auth.forbidden');
  await evaluableProject(ctx, input);
  const settings = await loadSettings(ctx, code);
  const errors = evaluationErrors(settings, input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const values = {
    effect: input.effect.trim() || null,
    policy: input.policy.trim() || null,
    updated_at: ctx.now(),
    updated_by: actor.userId,
  };
  await ctx.store.db
    .insertInto('evaluations')
    .values({
      project_id: input.projectId,
      municipality_code: code,
      fiscal_year: input.fiscalYear,
      ...values,
    })
    .onConflict((oc) => oc.columns(['project_id', 'fiscal_year']).doUpdateSet(values))
    .execute();
  return { ok: true };
}

/** A comment in the writer's role: 担当課 (own projects), 企画課, or committee. */
export async function addComment(
  ctx: AppContext,
  actor: Actor | null,
  input: {
    municipalityCode: string;
    planId: number;
    projectId: number;
    fiscalYear: number;
    text: string;
  },
): Promise<SaveEvaluationResult> {
  const code = input.municipalityCode;
  const project = await evaluableProject(ctx, input);
  const role = commentRoleOf(actor, code, project);
  if (!role || !actor) throw new SouseiError('forbidden', 'auth.forbidden');
  const text = input.text.trim();
  if (!text) return { ok: false, errors: { text: { key: 'evaluation.empty-comment' } } };
  if (text.length > MAX_COMMENT) {
    return { ok: false, errors: { text: { key: 'text.too-long', params: { max: MAX_COMMENT } } } };
  }
  await ctx.store.db
    .insertInto('evaluation_comments')
    .values({
      municipality_code: code,
      project_id: project.id,
      fiscal_year: input.fiscalYear,
      role,
      user_id: actor.userId,
      text,
      at: ctx.now(),
    })
    .execute();
  return { ok: true };
}
