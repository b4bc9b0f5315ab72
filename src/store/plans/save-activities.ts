import type { Kysely } from 'kysely';
import type { Activity } from '../../core/plan.ts';
import { syncEntryMetrics } from '../metrics/sync-entry-metrics.ts';
import type { DB } from '../schema.ts';
import { type NewActivities, type NewEntry, newActivities } from './new-activities.ts';
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
  /** Where a plan's save gathers new rows of all its projects; written here when absent. */
  pending?: NewActivities;
}

/**
 * Writes a project's activities positionally, keeping the ids of those that stay; a row that
 * would not change is not written, new rows go in multi-row inserts. An import clears
 * re-listing links (they are set again plan-wide); an edit keeps them.
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
  const pending = options.pending ?? newActivities(trx);
  for (const [position, a] of activities.entries()) {
    const values = { position, title: a.title, text: a.text, source: a.source, relist_of_id: null };
    const stored = existing[position];
    if (stored === undefined) {
      pending.addActivity(
        {
          municipality_code: code,
          project_id: projectId,
          ...values,
          // A new item belongs to the year it was added in: hidden from the public until then.
          introduced_in: a.introducedIn ?? options.introducedIn ?? null,
        },
        a.entries.map((e, i) => entryValues(code, e, i)),
      );
      continue;
    }
    const { relist_of_id, ...kept } = values;
    const set = options.keepRelists ? kept : values;
    if (!sameValues(stored, set)) {
      await trx.updateTable('activities').set(set).where('id', '=', stored.id).execute();
    }
    pending.keep(projectId, position, stored.id);
    pending.addEntries(stored.id, await saveEntries(trx, code, a, stored.entries));
  }
  const surplus = existing.slice(activities.length).map((a) => a.id);
  if (surplus.length > 0) await trx.deleteFrom('activities').where('id', 'in', surplus).execute();
  if (options.pending === undefined) {
    await pending.flush();
    // A plan's save reads its figures once for the whole plan after its own flush.
    await syncEntryMetrics(trx, code, { projectId });
  }
}

function entryValues(code: string, e: Activity['entries'][number], position: number): NewEntry {
  return {
    municipality_code: code,
    position,
    kind: e.kind,
    fiscal_year: e.fiscalYear,
    year_label: e.yearLabel,
    text: e.text,
    kpi: e.kpi ? 1 : 0,
  };
}

/** Updates the stored entries that changed, deletes the surplus; returns the new ones. */
async function saveEntries(
  trx: Kysely<DB>,
  code: string,
  a: Activity,
  existing: readonly StoredEntry[],
): Promise<NewEntry[]> {
  const fresh: NewEntry[] = [];
  for (const [position, e] of a.entries.entries()) {
    const { municipality_code, ...values } = entryValues(code, e, position);
    const stored = existing[position];
    // An entry no longer marked as a KPI result is no longer linked to a KPI either.
    const set = { ...values, ...(e.kpi ? {} : { kpi_id: null }) };
    if (stored === undefined) fresh.push({ municipality_code, ...values });
    else if (!sameValues(stored, set)) {
      await trx.updateTable('activity_entries').set(set).where('id', '=', stored.id).execute();
    }
  }
  const surplus = existing.slice(a.entries.length).map((e) => e.id);
  if (surplus.length > 0) {
    await trx.deleteFrom('activity_entries').where('id', 'in', surplus).execute();
  }
  return fresh;
}
