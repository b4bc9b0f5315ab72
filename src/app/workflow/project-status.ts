import { SouseiError } from '../../core/errors.ts';
import { type Actor, canActOnProject } from '../../core/permissions.ts';
import { nextProjectStatus, type ProjectAction, type ProjectStatus } from '../../core/workflow.ts';
import { recordChange } from '../../store/history/record-change.ts';
import type { AppContext } from '../app-context.ts';
import { findProject, projectStatus } from './find-project.ts';
import { yearStatus } from './year-status.ts';

/**
 * A department marks its project 入力完了 (submit); the planning division accepts it or returns
 * it with a comment. Every step is kept in the history.
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
  },
): Promise<ProjectStatus> {
  const db = ctx.store.db;
  const project = await findProject(db, input.municipalityCode, input.projectId);
  const year = await yearStatus(db, input.municipalityCode, project.planId, input.fiscalYear);
  if (!canActOnProject(actor, input.municipalityCode, project, year, input.action) || !actor) {
    throw new SouseiError('forbidden', 'auth.forbidden');
  }
  const { status: from } = await projectStatus(
    db,
    input.municipalityCode,
    project,
    input.fiscalYear,
  );
  const to = nextProjectStatus(from, input.action);
  if (!to)
    throw new SouseiError('conflict', 'project.invalid-transition', { from, action: input.action });
  const comment = input.comment?.trim() || null;
  if (input.action === 'return' && !comment) {
    throw new SouseiError('usage', 'project.return-needs-comment');
  }
  const now = ctx.now();
  await db.transaction().execute(async (trx) => {
    const values = { status: to, comment, updated_at: now, updated_by: actor.userId };
    await trx
      .insertInto('project_years')
      .values({
        project_id: project.id,
        municipality_code: input.municipalityCode,
        fiscal_year: input.fiscalYear,
        ...values,
      })
      .onConflict((oc) => oc.columns(['project_id', 'fiscal_year']).doUpdateSet(values))
      .execute();
    await recordChange(trx, {
      municipalityCode: input.municipalityCode,
      planId: project.planId,
      projectId: project.id,
      fiscalYear: input.fiscalYear,
      target: { type: 'project-status' },
      before: from,
      after: comment ? { status: to, comment } : to,
      userId: actor.userId,
      origin: 'workflow',
      at: now,
    });
  });
  return to;
}
