import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import { isProjectStatus, type ProjectStatus } from '../../core/workflow.ts';
import type { DB } from '../../store/schema.ts';

export interface ProjectRow {
  id: number;
  municipalityCode: string;
  planId: number;
  no: string;
  name: string;
  departmentId: number | null;
  version: number;
}

/** A project of the given municipality, or not-found: ids of other cities never resolve. */
export async function findProject(
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

export async function projectStatuses(
  db: Kysely<DB>,
  municipalityCode: string,
  planId: number,
  fiscalYear: number,
): Promise<Map<number, { status: ProjectStatus; comment: string | null }>> {
  const rows = await db
    .selectFrom('project_years')
    .innerJoin('projects', 'projects.id', 'project_years.project_id')
    .select(['project_years.project_id', 'project_years.status', 'project_years.comment'])
    .where('projects.plan_id', '=', planId)
    .where('project_years.municipality_code', '=', municipalityCode)
    .where('project_years.fiscal_year', '=', fiscalYear)
    .execute();
  return new Map(
    rows.map((r) => [
      r.project_id,
      { status: isProjectStatus(r.status) ? r.status : 'entering', comment: r.comment },
    ]),
  );
}

export async function projectStatus(
  db: Kysely<DB>,
  municipalityCode: string,
  project: ProjectRow,
  fiscalYear: number,
) {
  const all = await projectStatuses(db, municipalityCode, project.planId, fiscalYear);
  return all.get(project.id) ?? { status: 'entering' as const, comment: null };
}
