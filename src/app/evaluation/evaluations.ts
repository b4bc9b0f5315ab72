import { SouseiError } from '../../core/errors.ts';
import {
  type Actor,
  type CommentRole,
  canEvaluate,
  commentRoleOf,
} from '../../core/permissions.ts';
import type { AppContext } from '../app-context.ts';
import { findProject } from '../workflow/find-project.ts';
import { loadSettings } from './municipality-settings.ts';

export interface Evaluation {
  projectId: number;
  fiscalYear: number;
  effect: string | null;
  policy: string | null;
  comments: { id: number; role: CommentRole; userName: string | null; text: string; at: string }[];
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

/** 事業効果 on the municipality's scale and 今後の方針: committee members and administrators. */
export async function saveEvaluation(
  ctx: AppContext,
  actor: Actor | null,
  input: {
    municipalityCode: string;
    projectId: number;
    fiscalYear: number;
    effect: string;
    policy: string;
  },
): Promise<void> {
  const code = input.municipalityCode;
  if (!canEvaluate(actor, code) || !actor) throw new SouseiError('forbidden', 'auth.forbidden');
  await findProject(ctx.store.db, code, input.projectId);
  const settings = await loadSettings(ctx, code);
  const effect = input.effect.trim() || null;
  const policy = input.policy.trim() || null;
  if (effect && !settings.scale.bands.some((b) => b.label === effect)) {
    throw new SouseiError('usage', 'evaluation.invalid-effect', { effect });
  }
  if (policy && !settings.policies.includes(policy)) {
    throw new SouseiError('usage', 'evaluation.invalid-policy', { policy });
  }
  const values = { effect, policy, updated_at: ctx.now(), updated_by: actor.userId };
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
}

/** A comment in the writer's role: 担当課 (own projects), 企画課, or committee. */
export async function addComment(
  ctx: AppContext,
  actor: Actor | null,
  input: { municipalityCode: string; projectId: number; fiscalYear: number; text: string },
): Promise<void> {
  const code = input.municipalityCode;
  const project = await findProject(ctx.store.db, code, input.projectId);
  const role = commentRoleOf(actor, code, project);
  if (!role || !actor) throw new SouseiError('forbidden', 'auth.forbidden');
  const text = input.text.trim();
  if (!text) throw new SouseiError('usage', 'evaluation.empty-comment');
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
}
