import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import {
  isProjectStatus,
  nextProjectStatus,
  type ProjectAction,
  type ProjectStatus,
} from '../../core/workflow.ts';
import { recordChange } from '../history/record-change.ts';
import { inTransaction } from '../in-transaction.ts';
import { assertYearsWritable } from '../rules/assert-years-writable.ts';
import type { DB } from '../schema.ts';

export interface ProjectRow {
  id: number;
  municipalityCode: string;
  planId: number;
  no: string;
  name: string;
  departmentId: number | null;
  version: number;
}

export interface ProjectYearState {
  status: ProjectStatus;
  comment: string | null;
}

export interface ProjectTransition {
  municipalityCode: string;
  planId: number;
  projectId: number;
  fiscalYear: number;
  action: ProjectAction;
  /** The return comment (差戻し), shown to the department. */
  comment: string | null;
  /** Why 入力完了 was given without figures or results; recorded in the history. */
  reasons?: { figures?: string; result?: string };
  userId: number;
  at: string;
}

const UNTOUCHED: ProjectYearState = { status: 'untouched', comment: null };

/** Each project's stored status in one year; projects without a row are untouched. */
async function readStatuses(
  db: Kysely<DB>,
  municipalityCode: string,
  planId: number,
  fiscalYear: number,
): Promise<Map<number, ProjectYearState>> {
  const rows = await readAllYears(db, municipalityCode, planId, fiscalYear);
  return new Map(rows.map((r) => [r.projectId, { status: r.status, comment: r.comment }]));
}

/** Every stored project status of a plan, of one year or of all. */
async function readAllYears(
  db: Kysely<DB>,
  municipalityCode: string,
  planId: number,
  fiscalYear?: number,
) {
  const rows = await db
    .selectFrom('project_years')
    .innerJoin('projects', 'projects.id', 'project_years.project_id')
    .select([
      'project_years.project_id',
      'project_years.fiscal_year',
      'project_years.status',
      'project_years.comment',
    ])
    .where('projects.plan_id', '=', planId)
    .where('project_years.municipality_code', '=', municipalityCode)
    .$if(fiscalYear !== undefined, (q) =>
      q.where('project_years.fiscal_year', '=', fiscalYear ?? 0),
    )
    .execute();
  return rows.map((r) => ({
    projectId: r.project_id,
    fiscalYear: r.fiscal_year,
    status: (isProjectStatus(r.status) ? r.status : 'entering') as ProjectStatus,
    comment: r.comment,
  }));
}

/** A project of the municipality, or not-found. */
async function readProject(
  db: Kysely<DB>,
  municipalityCode: string,
  projectId: number,
): Promise<ProjectRow> {
  const row = await db
    .selectFrom('projects')
    .select(['id', 'municipality_code', 'plan_id', 'no', 'name', 'department_id', 'version'])
    .where('id', '=', projectId)
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirst();
  if (!row) throw new SouseiError('not-found', 'project.not-found', { id: projectId });
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    planId: row.plan_id,
    no: row.no,
    name: row.name,
    departmentId: row.department_id,
    version: row.version,
  };
}

/** A first save of the year moves the project from 未着手 to 入力中. */
export async function markEntering(
  trx: Kysely<DB>,
  s: {
    municipalityCode: string;
    projectId: number;
    fiscalYear: number;
    userId: number | null;
    at: string;
  },
) {
  await trx
    .insertInto('project_years')
    .values({
      project_id: s.projectId,
      municipality_code: s.municipalityCode,
      fiscal_year: s.fiscalYear,
      status: 'entering',
      comment: null,
      updated_at: s.at,
      updated_by: s.userId,
    })
    .onConflict((oc) => oc.columns(['municipality_code', 'project_id', 'fiscal_year']).doNothing())
    .execute();
}

/** Each project's entry status per fiscal year (project_years): 入力中, 入力完了, 差戻し, 確認済み. */
export function projectYearStore(db: Kysely<DB>) {
  return {
    /** A project of the municipality, or not-found: ids of other cities never resolve. */
    project: (municipalityCode: string, projectId: number) =>
      readProject(db, municipalityCode, projectId),

    statuses: (municipalityCode: string, planId: number, fiscalYear: number) =>
      readStatuses(db, municipalityCode, planId, fiscalYear),

    /** Every stored status of the plan's projects, all years (no row: untouched). */
    allYears: (municipalityCode: string, planId: number) =>
      readAllYears(db, municipalityCode, planId),

    async status(
      municipalityCode: string,
      project: { id: number; planId: number },
      fiscalYear: number,
    ): Promise<ProjectYearState> {
      const all = await readStatuses(db, municipalityCode, project.planId, fiscalYear);
      return all.get(project.id) ?? UNTOUCHED;
    },

    /**
     * Applies a workflow step to one project's year, reading the current status inside the
     * write; refused in a closed year; the step (with comment or reasons) goes to the history.
     */
    async transition(t: ProjectTransition): Promise<{ from: ProjectStatus; to: ProjectStatus }> {
      return inTransaction(db, async (trx) => {
        const scope = { municipalityCode: t.municipalityCode, planId: t.planId };
        await assertYearsWritable(trx, scope, [t.fiscalYear]);
        const all = await readStatuses(trx, t.municipalityCode, t.planId, t.fiscalYear);
        const from = (all.get(t.projectId) ?? UNTOUCHED).status;
        const to = nextProjectStatus(from, t.action);
        if (!to) {
          throw new SouseiError('conflict', 'project.invalid-transition', {
            from,
            action: t.action,
          });
        }
        const values = { status: to, comment: t.comment, updated_at: t.at, updated_by: t.userId };
        await trx
          .insertInto('project_years')
          .values({
            project_id: t.projectId,
            municipality_code: t.municipalityCode,
            fiscal_year: t.fiscalYear,
            ...values,
          })
          .onConflict((oc) =>
            oc.columns(['municipality_code', 'project_id', 'fiscal_year']).doUpdateSet(values),
          )
          .execute();
        const reasons = t.reasons && Object.keys(t.reasons).length > 0 ? t.reasons : undefined;
        await recordChange(trx, {
          municipalityCode: t.municipalityCode,
          planId: t.planId,
          projectId: t.projectId,
          fiscalYear: t.fiscalYear,
          target: { type: 'project-status' },
          before: from,
          after: t.comment || reasons ? { status: to, comment: t.comment, reasons } : to,
          userId: t.userId,
          origin: 'workflow',
          at: t.at,
        });
        return { from, to };
      });
    },
  };
}

export type ProjectYearStore = ReturnType<typeof projectYearStore>;
