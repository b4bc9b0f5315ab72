import type { Kysely } from 'kysely';
import type { Activity } from '../../core/plan.ts';
import type { DB } from '../schema.ts';
import { sameValues } from './same-values.ts';
import {
  readStoredActivities,
  type StoredActivity,
  type StoredEntry,
} from './stored-activities.ts';

export interface SaveActivitiesOptions {
  keepRelists?: boolean;
  introducedIn?: number | null;
  /** The project's stored activities when the caller read them in bulk (a plan's save). */
  stored?: readonly StoredActivity[];
}

/**
 * Writes a project's activities positionally, keeping the ids of those that stay; a row that
 * would not change is not written. An import clears re-listing links (they are set again
 * plan-wide); an edit keeps them.
 */
export async function saveActivities(
  trx: Kysely<DB>,
  code: string,
  projectId: number,
  activities: readonly Activity[],
  options: SaveActivitiesOptions = {},
): Promise<void> {
  const existing =
    options.stored ?? (await readStoredActivities(trx, code, { projectId })).get(projectId) ?? [];
  for (const [position, a] of activities.entries()) {
    const values = { position, title: a.title, text: a.text, source: a.source, relist_of_id: null };
    const stored = existing[position];
    let id = stored?.id;
    if (stored !== undefined) {
      const { relist_of_id, ...kept } = values;
      const set = options.keepRelists ? kept : values;
      if (!sameValues(stored, set)) {
        await trx.updateTable('activities').set(set).where('id', '=', stored.id).execute();
      }
    } else {
      const row = await trx
        .insertInto('activities')
        .values({
          municipality_code: code,
          project_id: projectId,
          ...values,
          // A new item belongs to the year it was added in: hidden from the public until then.
          introduced_in: a.introducedIn ?? options.introducedIn ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await saveEntries(trx, code, id as number, a, stored?.entries ?? []);
  }
  const surplus = existing.slice(activities.length).map((a) => a.id);
  if (surplus.length > 0) await trx.deleteFrom('activities').where('id', 'in', surplus).execute();
}

const CHUNK = 500;

async function saveEntries(
  trx: Kysely<DB>,
  code: string,
  activityId: number,
  a: Activity,
  existing: readonly StoredEntry[],
) {
  const fresh: Omit<StoredEntry, 'id' | 'kpi_id'>[] = [];
  for (const [position, e] of a.entries.entries()) {
    const values = {
      activity_id: activityId,
      position,
      kind: e.kind,
      fiscal_year: e.fiscalYear,
      year_label: e.yearLabel,
      text: e.text,
      kpi: e.kpi ? 1 : 0,
    };
    const stored = existing[position];
    // An entry no longer marked as a KPI result is no longer linked to a KPI either.
    const set = { ...values, ...(e.kpi ? {} : { kpi_id: null }) };
    if (stored === undefined) fresh.push(values);
    else if (!sameValues(stored, set)) {
      await trx.updateTable('activity_entries').set(set).where('id', '=', stored.id).execute();
    }
  }
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const rows = fresh.slice(i, i + CHUNK).map((v) => ({ municipality_code: code, ...v }));
    await trx.insertInto('activity_entries').values(rows).execute();
  }
  const surplus = existing.slice(a.entries.length).map((e) => e.id);
  if (surplus.length > 0) {
    await trx.deleteFrom('activity_entries').where('id', 'in', surplus).execute();
  }
}
