import type { Kysely } from 'kysely';
import type { ChangeRecord } from '../../core/change.ts';
import { SouseiError } from '../../core/errors.ts';
import { recordChanges } from '../history/record-changes.ts';
import type { DB } from '../schema.ts';
import { assertYearUnpublished } from './assert-year-unpublished.ts';
import type { EvaluationWriter } from './evaluation-store.ts';

/** Rows per insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/** One project-year's evaluation as an import reads it. */
export interface ImportedEvaluation {
  projectId: number;
  fiscalYear: number;
  effect: string | null;
  policy: string | null;
  comment: string | null;
}

type Scope = { code: string; planId: number; w: EvaluationWriter };

const keyOf = (projectId: number, fiscalYear: number, text = '') =>
  JSON.stringify([projectId, fiscalYear, text]);

/** The same rules as one save: projects of the plan only, and no published year. */
async function guard(trx: Kysely<DB>, s: Scope, items: readonly ImportedEvaluation[]) {
  const rows = await trx
    .selectFrom('projects')
    .select('id')
    .where('plan_id', '=', s.planId)
    .where('municipality_code', '=', s.code)
    .execute();
  const ours = new Set(rows.map((r) => r.id));
  const stranger = items.find((i) => !ours.has(i.projectId));
  if (stranger) throw new SouseiError('not-found', 'project.not-found', { id: stranger.projectId });
  for (const fy of new Set(items.map((i) => i.fiscalYear))) {
    await assertYearUnpublished(trx, { municipalityCode: s.code, planId: s.planId }, fy);
  }
}

/** The plan's stored evaluations and comment texts of the given years. */
async function stored(trx: Kysely<DB>, s: Scope, years: number[]) {
  const [evaluations, comments] = await Promise.all([
    trx
      .selectFrom('evaluations')
      .innerJoin('projects', 'projects.id', 'evaluations.project_id')
      .select(['evaluations.project_id', 'evaluations.fiscal_year', 'effect', 'policy'])
      .where('evaluations.municipality_code', '=', s.code)
      .where('projects.plan_id', '=', s.planId)
      .where('evaluations.fiscal_year', 'in', years)
      .execute(),
    trx
      .selectFrom('evaluation_comments')
      .innerJoin('projects', 'projects.id', 'evaluation_comments.project_id')
      .select(['evaluation_comments.project_id', 'evaluation_comments.fiscal_year', 'text'])
      .where('evaluation_comments.municipality_code', '=', s.code)
      .where('projects.plan_id', '=', s.planId)
      .where('evaluation_comments.fiscal_year', 'in', years)
      .execute(),
  ]);
  return {
    evaluations: new Map(
      evaluations.map((e) => [
        keyOf(e.project_id, e.fiscal_year),
        { effect: e.effect, policy: e.policy },
      ]),
    ),
    comments: new Set(comments.map((c) => keyOf(c.project_id, c.fiscal_year, c.text))),
  };
}

function change(
  s: Scope,
  i: ImportedEvaluation,
  rest: Pick<ChangeRecord, 'target' | 'before' | 'after'>,
) {
  return {
    municipalityCode: s.code,
    planId: s.planId,
    projectId: i.projectId,
    fiscalYear: i.fiscalYear,
    ...rest,
    userId: s.w.userId,
    origin: s.w.origin,
    at: s.w.now,
  } satisfies ChangeRecord;
}

/** Upserts the changed evaluations in multi-row statements; their history records. */
async function writeEvaluations(
  trx: Kysely<DB>,
  s: Scope,
  items: readonly ImportedEvaluation[],
  was: Map<string, { effect: string | null; policy: string | null }>,
) {
  // One row per project-year (the last wins, as successive saves would): one upsert row each.
  const last = new Map(items.map((i) => [keyOf(i.projectId, i.fiscalYear), i]));
  const changed = [...last.values()].filter((i) => {
    const before = was.get(keyOf(i.projectId, i.fiscalYear)) ?? { effect: null, policy: null };
    return before.effect !== i.effect || before.policy !== i.policy;
  });
  for (let n = 0; n < changed.length; n += CHUNK) {
    await trx
      .insertInto('evaluations')
      .values(
        changed.slice(n, n + CHUNK).map((i) => ({
          project_id: i.projectId,
          municipality_code: s.code,
          fiscal_year: i.fiscalYear,
          effect: i.effect,
          policy: i.policy,
          updated_at: s.w.now,
          updated_by: s.w.userId,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['municipality_code', 'project_id', 'fiscal_year']).doUpdateSet((eb) => ({
          effect: eb.ref('excluded.effect'),
          policy: eb.ref('excluded.policy'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
        })),
      )
      .execute();
  }
  return changed.map((i) =>
    change(s, i, {
      target: { type: 'evaluation' },
      before: was.get(keyOf(i.projectId, i.fiscalYear)) ?? null,
      after: { effect: i.effect, policy: i.policy },
    }),
  );
}

/** Inserts the comments no project-year has yet (same text), in multi-row statements. */
async function writeComments(
  trx: Kysely<DB>,
  s: Scope,
  items: readonly ImportedEvaluation[],
  seen: Set<string>,
) {
  const fresh: (ImportedEvaluation & { comment: string })[] = [];
  for (const i of items) {
    if (!i.comment) continue;
    const key = keyOf(i.projectId, i.fiscalYear, i.comment);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push({ ...i, comment: i.comment });
  }
  const out: ChangeRecord[] = [];
  for (let n = 0; n < fresh.length; n += CHUNK) {
    const chunk = fresh.slice(n, n + CHUNK);
    const rows = await trx
      .insertInto('evaluation_comments')
      .values(
        chunk.map((i) => ({
          municipality_code: s.code,
          project_id: i.projectId,
          fiscal_year: i.fiscalYear,
          role: 'department',
          user_id: s.w.userId,
          text: i.comment,
          at: s.w.now,
        })),
      )
      .returning(['id', 'project_id', 'fiscal_year', 'text'])
      .execute();
    // Matched back by (project, year, text), unique here: no reliance on RETURNING's order.
    const ids = new Map(rows.map((r) => [keyOf(r.project_id, r.fiscal_year, r.text), r.id]));
    for (const i of chunk) {
      const commentId = ids.get(keyOf(i.projectId, i.fiscalYear, i.comment)) as number;
      out.push(
        change(s, i, {
          target: { type: 'evaluation-comment', commentId },
          before: null,
          after: { role: 'department', text: i.comment },
        }),
      );
    }
  }
  return out;
}

/**
 * The evaluations of a mapped import in one pass: the rules of a single save (the plan's
 * projects, no published year), then only what changed is written and recorded; a comment is
 * added (in the department's role) only when its project-year has none of the same text, so
 * importing the same file again writes nothing.
 */
export async function saveImportedEvaluations(
  trx: Kysely<DB>,
  args: { municipalityCode: string; planId: number; items: readonly ImportedEvaluation[] },
  w: EvaluationWriter,
): Promise<void> {
  if (args.items.length === 0) return;
  const s: Scope = { code: args.municipalityCode, planId: args.planId, w };
  await guard(trx, s, args.items);
  const was = await stored(trx, s, [...new Set(args.items.map((i) => i.fiscalYear))]);
  const changes = [
    ...(await writeEvaluations(trx, s, args.items, was.evaluations)),
    ...(await writeComments(trx, s, args.items, was.comments)),
  ];
  await recordChanges(trx, changes);
}
