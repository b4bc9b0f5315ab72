import type { ChangeTarget } from '../../core/change.ts';
import { SouseiError } from '../../core/errors.ts';
import { type Actor, isAdmin } from '../../core/permissions.ts';
import type { Activity } from '../../core/plan.ts';
import { recordChange } from '../../store/history/record-change.ts';
import { loadIndexedPlan } from '../../store/load-plan.ts';
import { saveActivities } from '../../store/save-plan.ts';
import type { AppContext } from '../app-context.ts';
import { findProject } from './find-project.ts';
import { yearStatus } from './year-status.ts';

export interface HistoryItem {
  id: number;
  projectId: number | null;
  projectNo: string | null;
  projectName: string | null;
  fiscalYear: number | null;
  target: ChangeTarget;
  before: unknown;
  after: unknown;
  userName: string | null;
  origin: string;
  at: string;
}

/** Every change of a plan (or one project), newest first: who, when, before and after. */
export async function listHistory(
  ctx: AppContext,
  input: { municipalityCode: string; planId: number; projectId?: number; limit?: number },
): Promise<HistoryItem[]> {
  let q = ctx.store.db
    .selectFrom('changes')
    .leftJoin('users', 'users.id', 'changes.user_id')
    .leftJoin('projects', 'projects.id', 'changes.project_id')
    .select([
      'changes.id',
      'changes.project_id',
      'projects.no',
      'projects.name as project_name',
      'changes.fiscal_year',
      'changes.target',
      'changes.before',
      'changes.after',
      'users.name as user_name',
      'changes.origin',
      'changes.at',
    ])
    .where('changes.municipality_code', '=', input.municipalityCode)
    .where('changes.plan_id', '=', input.planId)
    .orderBy('changes.id', 'desc')
    .limit(input.limit ?? 200);
  if (input.projectId !== undefined) q = q.where('changes.project_id', '=', input.projectId);
  const rows = await q.execute();
  const parse = (v: string | null) => (v === null ? null : JSON.parse(v));
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    projectNo: r.no,
    projectName: r.project_name,
    fiscalYear: r.fiscal_year,
    target: JSON.parse(r.target) as ChangeTarget,
    before: parse(r.before),
    after: parse(r.after),
    userName: r.user_name,
    origin: r.origin,
    at: r.at,
  }));
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
  const db = ctx.store.db;
  const change = await db
    .selectFrom('changes')
    .selectAll()
    .where('id', '=', input.changeId)
    .where('municipality_code', '=', code)
    .executeTakeFirst();
  if (!change || change.project_id === null || change.fiscal_year === null) {
    throw new SouseiError('not-found', 'change.not-found', { id: input.changeId });
  }
  const target = JSON.parse(change.target) as ChangeTarget;
  if (target.type !== 'finance' && target.type !== 'activities') {
    throw new SouseiError('usage', 'change.not-restorable');
  }
  const project = await findProject(db, code, change.project_id);
  const fiscalYear = change.fiscal_year;
  if ((await yearStatus(db, code, project.planId, fiscalYear)) !== 'open') {
    throw new SouseiError('conflict', 'year.not-open');
  }
  const before = change.before === null ? null : JSON.parse(change.before);
  const indexed = await loadIndexedPlan(db, code, project.planId);
  const model = indexed && [...indexed.projects].find(([, ref]) => ref.id === project.id)?.[0];
  const now = ctx.now();
  await db.transaction().execute(async (trx) => {
    let current: unknown;
    if (target.type === 'finance') {
      const row = await trx
        .selectFrom('project_finances')
        .select(['budget', 'settlement'])
        .where('project_id', '=', project.id)
        .where('fiscal_year', '=', fiscalYear)
        .executeTakeFirst();
      current = row?.[target.field] ?? null;
      const value = { [target.field]: before as number | null };
      await trx
        .insertInto('project_finances')
        .values({
          project_id: project.id,
          municipality_code: code,
          fiscal_year: fiscalYear,
          budget: null,
          settlement: null,
          ...value,
        })
        .onConflict((oc) => oc.columns(['project_id', 'fiscal_year']).doUpdateSet(value))
        .execute();
    } else {
      current = model?.activities ?? [];
      await saveActivities(trx, code, project.id, before as Activity[], { keepRelists: true });
    }
    await trx
      .updateTable('projects')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', project.id)
      .execute();
    await recordChange(trx, {
      municipalityCode: code,
      planId: project.planId,
      projectId: project.id,
      fiscalYear,
      target,
      before: current,
      after: before,
      userId: actor.userId,
      origin: 'restore',
      at: now,
    });
  });
}
