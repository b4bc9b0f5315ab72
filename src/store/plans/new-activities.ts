import type { Insertable, Kysely } from 'kysely';
import type { ActivityEntryTable, ActivityTable, DB } from '../schema.ts';
import { chunksOf } from './chunks.ts';

export type NewActivity = Insertable<ActivityTable> & { project_id: number; position: number };
export type NewEntry = Omit<Insertable<ActivityEntryTable>, 'activity_id'>;

const key = (projectId: number, position: number) => `${projectId}:${position}`;

/**
 * Activities and entries a save adds, gathered across its projects and written at its end in
 * multi-row inserts. A new activity's id comes back with RETURNING and is mapped back by
 * (project, position), unique among the activities inserted, never by the order of the rows
 * returned (PostgreSQL does not promise it); its entries follow once the ids are known.
 */
export function newActivities(trx: Kysely<DB>) {
  const activities: { row: NewActivity; entries: NewEntry[] }[] = [];
  const entries: Insertable<ActivityEntryTable>[] = [];
  const ids = new Map<string, number>();
  return {
    /** An activity that stays, so that idOf knows it too. */
    keep(projectId: number, position: number, id: number) {
      ids.set(key(projectId, position), id);
    },
    addActivity(row: NewActivity, rowEntries: NewEntry[]) {
      activities.push({ row, entries: rowEntries });
    },
    addEntries(activityId: number, rows: readonly NewEntry[]) {
      for (const e of rows) entries.push({ ...e, activity_id: activityId });
    },
    /** The id of a project's activity at a position, once flushed. */
    idOf(projectId: number, position: number): number | undefined {
      return ids.get(key(projectId, position));
    },
    async flush(): Promise<void> {
      const pending = new Map(activities.map((a) => [key(a.row.project_id, a.row.position), a]));
      for (const chunk of chunksOf(activities)) {
        const rows = await trx
          .insertInto('activities')
          .values(chunk.map((a) => a.row))
          .returning(['id', 'project_id', 'position'])
          .execute();
        for (const row of rows) {
          const k = key(row.project_id, row.position);
          ids.set(k, row.id);
          for (const e of pending.get(k)?.entries ?? [])
            entries.push({ ...e, activity_id: row.id });
        }
      }
      activities.length = 0;
      for (const chunk of chunksOf(entries)) {
        await trx.insertInto('activity_entries').values(chunk).execute();
      }
      entries.length = 0;
    },
  };
}

export type NewActivities = ReturnType<typeof newActivities>;
