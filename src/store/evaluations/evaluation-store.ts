import type { Kysely } from 'kysely';
import type { ChangeOrigin } from '../../core/change.ts';
import { SouseiError } from '../../core/errors.ts';
import type { Evaluation } from '../../core/evaluation.ts';
import type { CommentRole } from '../../core/permissions.ts';
import { recordChange } from '../history/record-change.ts';
import { inTransaction } from '../in-transaction.ts';
import type { DB } from '../schema.ts';
import { assertYearUnpublished } from './assert-year-unpublished.ts';
import { type ImportedEvaluation, saveImportedEvaluations } from './save-imported-evaluations.ts';

/** Who writes and when, for the history. */
export interface EvaluationWriter {
  userId: number | null;
  origin: ChangeOrigin;
  now: string;
}

/** Which project's evaluation of which year. */
export interface EvaluationKey {
  municipalityCode: string;
  planId: number;
  projectId: number;
  fiscalYear: number;
}

/** The project must be the plan's, in the municipality: nothing is written across tenants. */
async function assertProjectOfPlan(trx: Kysely<DB>, key: EvaluationKey): Promise<void> {
  const p = await trx
    .selectFrom('projects')
    .select('id')
    .where('id', '=', key.projectId)
    .where('plan_id', '=', key.planId)
    .where('municipality_code', '=', key.municipalityCode)
    .executeTakeFirst();
  if (!p) throw new SouseiError('not-found', 'project.not-found', { id: key.projectId });
}

/** The rules every evaluation write runs first: tenant scope, and published years stay. */
async function guard(trx: Kysely<DB>, key: EvaluationKey): Promise<void> {
  await assertProjectOfPlan(trx, key);
  await assertYearUnpublished(trx, key, key.fiscalYear);
}

/**
 * Evaluations (事業効果, 今後の方針) and their comments: the only writer of evaluations and
 * evaluation_comments. Writes are scoped to the municipality, refused for published years, and
 * recorded in the history in the same transaction, whoever writes (web, importers).
 */
export function evaluationStore(db: Kysely<DB>) {
  return {
    /** Evaluations and comments of a plan's projects for one year, by project id. */
    async list(code: string, planId: number, fiscalYear: number): Promise<Map<number, Evaluation>> {
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
      for (const r of rows)
        Object.assign(get(r.project_id), { effect: r.effect, policy: r.policy });
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
    },

    /**
     * Sets 事業効果 and 今後の方針 (null clears); returns whether they changed. Nothing is
     * written or recorded when nothing changes.
     */
    save(
      key: EvaluationKey,
      value: { effect: string | null; policy: string | null },
      w: EvaluationWriter,
    ): Promise<boolean> {
      return inTransaction(db, async (trx) => {
        await guard(trx, key);
        const row = await trx
          .selectFrom('evaluations')
          .select(['effect', 'policy'])
          .where('project_id', '=', key.projectId)
          .where('municipality_code', '=', key.municipalityCode)
          .where('fiscal_year', '=', key.fiscalYear)
          .executeTakeFirst();
        const before = row ? { effect: row.effect, policy: row.policy } : null;
        const after = { effect: value.effect, policy: value.policy };
        if (JSON.stringify(before ?? { effect: null, policy: null }) === JSON.stringify(after)) {
          return false;
        }
        const values = { ...after, updated_at: w.now, updated_by: w.userId };
        await trx
          .insertInto('evaluations')
          .values({
            project_id: key.projectId,
            municipality_code: key.municipalityCode,
            fiscal_year: key.fiscalYear,
            ...values,
          })
          .onConflict((oc) =>
            oc.columns(['municipality_code', 'project_id', 'fiscal_year']).doUpdateSet(values),
          )
          .execute();
        await recordChange(trx, {
          municipalityCode: key.municipalityCode,
          planId: key.planId,
          projectId: key.projectId,
          fiscalYear: key.fiscalYear,
          target: { type: 'evaluation' },
          before,
          after,
          userId: w.userId,
          origin: w.origin,
          at: w.now,
        });
        return true;
      });
    },

    /**
     * The evaluations and comments of a mapped import in one pass (saveImportedEvaluations):
     * what did not change is not written, a comment already there is not added again.
     */
    saveImported(
      args: { municipalityCode: string; planId: number; items: readonly ImportedEvaluation[] },
      w: EvaluationWriter,
    ): Promise<void> {
      return inTransaction(db, (trx) => saveImportedEvaluations(trx, args, w));
    },

    /** Adds a comment in the writer's role; returns its id. */
    addComment(
      key: EvaluationKey,
      comment: { role: CommentRole; text: string },
      w: EvaluationWriter,
    ): Promise<number> {
      return inTransaction(db, async (trx) => {
        await guard(trx, key);
        const row = await trx
          .insertInto('evaluation_comments')
          .values({
            municipality_code: key.municipalityCode,
            project_id: key.projectId,
            fiscal_year: key.fiscalYear,
            role: comment.role,
            user_id: w.userId,
            text: comment.text,
            at: w.now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordChange(trx, {
          municipalityCode: key.municipalityCode,
          planId: key.planId,
          projectId: key.projectId,
          fiscalYear: key.fiscalYear,
          target: { type: 'evaluation-comment', commentId: row.id },
          before: null,
          after: { role: comment.role, text: comment.text },
          userId: w.userId,
          origin: w.origin,
          at: w.now,
        });
        return row.id;
      });
    },
  };
}

export type EvaluationStore = ReturnType<typeof evaluationStore>;
