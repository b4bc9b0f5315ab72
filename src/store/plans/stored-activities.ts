import type { Kysely, Selectable } from 'kysely';
import type { ActivityEntryTable, ActivityTable, DB } from '../schema.ts';

export type StoredEntry = Omit<Selectable<ActivityEntryTable>, 'municipality_code'>;
export type StoredActivity = Omit<Selectable<ActivityTable>, 'municipality_code'> & {
  entries: StoredEntry[];
};

/**
 * The stored activities (with their entries, both in position order) of a whole plan or of one
 * project, keyed by project id: two queries, so that a save compares against them in memory
 * instead of reading per project and per activity.
 */
export async function readStoredActivities(
  trx: Kysely<DB>,
  code: string,
  scope: { planId: number } | { projectId: number },
): Promise<Map<number, StoredActivity[]>> {
  const projectIds = (db: Kysely<DB>) =>
    'planId' in scope
      ? db
          .selectFrom('projects')
          .select('id')
          .where('plan_id', '=', scope.planId)
          .where('municipality_code', '=', code)
      : db.selectFrom('projects').select('id').where('id', '=', scope.projectId);
  const activities = await trx
    .selectFrom('activities')
    .select(['id', 'project_id', 'position', 'title', 'text', 'source', 'relist_of_id'])
    .select('introduced_in')
    .where('municipality_code', '=', code)
    .where('project_id', 'in', projectIds(trx))
    .orderBy('position')
    .orderBy('id')
    .execute();
  const entries = await trx
    .selectFrom('activity_entries')
    .select(['id', 'activity_id', 'position', 'kind', 'fiscal_year', 'year_label', 'text'])
    .select(['kpi', 'kpi_id'])
    .where('municipality_code', '=', code)
    .where(
      'activity_id',
      'in',
      trx.selectFrom('activities').select('id').where('project_id', 'in', projectIds(trx)),
    )
    .orderBy('position')
    .orderBy('id')
    .execute();
  const byActivity = new Map<number, StoredEntry[]>();
  for (const e of entries) {
    const list = byActivity.get(e.activity_id) ?? [];
    list.push(e);
    byActivity.set(e.activity_id, list);
  }
  const byProject = new Map<number, StoredActivity[]>();
  for (const a of activities) {
    const list = byProject.get(a.project_id) ?? [];
    list.push({ ...a, entries: byActivity.get(a.id) ?? [] });
    byProject.set(a.project_id, list);
  }
  return byProject;
}
