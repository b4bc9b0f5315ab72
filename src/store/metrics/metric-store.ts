import type { Kysely } from 'kysely';
import type { ChangeOrigin } from '../../core/change.ts';
import type { Metric } from '../../core/figures/metric.ts';
import { type EntryReading, isEntryStatus, type StoredMetric } from '../../core/stored-metric.ts';
import { recordChange } from '../history/record-change.ts';
import { inTransaction } from '../in-transaction.ts';
import { assertYearsWritable } from '../rules/assert-years-writable.ts';
import type { DB } from '../schema.ts';
import { metricRow, plainMetric, storedMetric } from './metric-rows.ts';

/** A figure of one entry as a person confirms it (unchanged) or corrects it. */
export interface MetricConfirmWrite {
  municipalityCode: string;
  planId: number;
  projectId: number;
  fiscalYear: number;
  entryId: number;
  position: number;
  metric: Metric;
  /** The project's version the person read; a newer one refuses the write. */
  expectedVersion: number;
  userId: number | null;
  /** Who confirms, as stored beside the figure; the user's own name when absent. */
  userName?: string;
  origin: ChangeOrigin;
  at: string;
}

export type MetricConfirmOutcome =
  | { ok: true; version: number }
  | { ok: false; conflict: true; version: number }
  | { ok: false; notFound: true };

/** A figure with where it was read: its project, year and the entry's words. */
export interface LocatedMetric extends StoredMetric {
  projectId: number;
  planId: number;
  /** The entry's kind: only results carry figures. */
  kind: string;
  fiscalYear: number | null;
  text: string;
}

/** The store module of entries' figures: reads by project or plan, and a person's confirmation. */
export function metricStore(db: Kysely<DB>) {
  const located = (code: string) =>
    db
      .selectFrom('entry_metrics as m')
      .innerJoin('activity_entries as e', 'e.id', 'm.entry_id')
      .innerJoin('activities as a', 'a.id', 'e.activity_id')
      .innerJoin('projects as p', 'p.id', 'a.project_id')
      .selectAll('m')
      .select(['a.project_id', 'p.plan_id', 'e.kind', 'e.fiscal_year', 'e.text'])
      .where('m.municipality_code', '=', code)
      .orderBy('e.fiscal_year')
      .orderBy('p.position')
      .orderBy('a.position')
      .orderBy('e.position')
      .orderBy('m.position');
  const locate = (r: {
    project_id: number;
    plan_id: number;
    kind: string;
    fiscal_year: number | null;
    text: string;
  }) => ({
    projectId: r.project_id,
    planId: r.plan_id,
    kind: r.kind,
    fiscalYear: r.fiscal_year,
    text: r.text,
  });
  async function readings(
    code: string,
    scope: { projectId: number } | { planId: number },
  ): Promise<Map<number, EntryReading>> {
    const rows = await db
      .selectFrom('entry_readings as r')
      .innerJoin('activity_entries as e', 'e.id', 'r.entry_id')
      .innerJoin('activities as a', 'a.id', 'e.activity_id')
      .innerJoin('projects as p', 'p.id', 'a.project_id')
      .select(['r.entry_id', 'r.status'])
      .where('r.municipality_code', '=', code)
      .$if('projectId' in scope, (q) =>
        q.where('a.project_id', '=', 'projectId' in scope ? scope.projectId : 0),
      )
      .$if('planId' in scope, (q) =>
        q.where('p.plan_id', '=', 'planId' in scope ? scope.planId : 0),
      )
      .orderBy('e.fiscal_year')
      .orderBy('p.position')
      .orderBy('a.position')
      .orderBy('e.position')
      .execute();
    const byEntry = new Map<number, EntryReading>(
      rows.map((r) => [
        r.entry_id,
        { entryId: r.entry_id, status: isEntryStatus(r.status) ? r.status : null, metrics: [] },
      ]),
    );
    const figures = await located(code)
      .$if('projectId' in scope, (q) =>
        q.where('a.project_id', '=', 'projectId' in scope ? scope.projectId : 0),
      )
      .$if('planId' in scope, (q) =>
        q.where('p.plan_id', '=', 'planId' in scope ? scope.planId : 0),
      )
      .execute();
    for (const r of figures) byEntry.get(r.entry_id)?.metrics.push(storedMetric(r));
    return byEntry;
  }
  return {
    /** Every entry's figures and status for a project, by entry id. */
    ofProject: (code: string, projectId: number) => readings(code, { projectId }),

    /** Every entry's figures and status for a whole plan, by entry id. */
    readingsOfPlan: (code: string, planId: number) => readings(code, { planId }),

    /** Every figure of a plan (optionally of some years), with its project and year. */
    async ofPlan(
      code: string,
      planId: number,
      fiscalYears?: readonly number[],
    ): Promise<LocatedMetric[]> {
      const rows = await located(code)
        .where('p.plan_id', '=', planId)
        .$if(fiscalYears !== undefined, (q) =>
          q.where('e.fiscal_year', 'in', fiscalYears?.length ? [...(fiscalYears ?? [])] : [-1]),
        )
        .execute();
      return rows.map((r) => ({ ...storedMetric(r), ...locate(r) }));
    },

    /** One stored figure, with where it was read; undefined when the municipality has none such. */
    async find(
      code: string,
      entryId: number,
      position: number,
    ): Promise<LocatedMetric | undefined> {
      const r = await located(code)
        .where('m.entry_id', '=', entryId)
        .where('m.position', '=', position)
        .executeTakeFirst();
      return r ? { ...storedMetric(r), ...locate(r) } : undefined;
    },

    /**
     * Confirms or corrects a figure: the year must be open, the project's version the one read;
     * the figure is kept from re-reading from then on, and the change is in the history.
     */
    async confirm(w: MetricConfirmWrite): Promise<MetricConfirmOutcome> {
      return inTransaction(db, async (trx) => {
        const before = await trx
          .selectFrom('entry_metrics as m')
          .innerJoin('activity_entries as e', 'e.id', 'm.entry_id')
          .innerJoin('activities as a', 'a.id', 'e.activity_id')
          .selectAll('m')
          .where('m.municipality_code', '=', w.municipalityCode)
          .where('m.entry_id', '=', w.entryId)
          .where('m.position', '=', w.position)
          .where('a.project_id', '=', w.projectId)
          .where('e.fiscal_year', '=', w.fiscalYear)
          .executeTakeFirst();
        if (!before) return { ok: false, notFound: true } as const;
        await assertYearsWritable(trx, w, [w.fiscalYear]);
        const bumped = await trx
          .updateTable('projects')
          .set((eb) => ({ version: eb('version', '+', 1) }))
          .where('id', '=', w.projectId)
          .where('municipality_code', '=', w.municipalityCode)
          .where('version', '=', w.expectedVersion)
          .executeTakeFirst();
        if (Number(bumped.numUpdatedRows) === 0) {
          const row = await trx
            .selectFrom('projects')
            .select('version')
            .where('id', '=', w.projectId)
            .executeTakeFirstOrThrow();
          return { ok: false, conflict: true, version: row.version } as const;
        }
        const by = w.userName ?? (await userName(trx, w.municipalityCode, w.userId));
        const { municipality_code, entry_id, position, ...values } = metricRow(
          w.municipalityCode,
          w.entryId,
          w.position,
          w.metric,
          { by, at: w.at },
        );
        await trx
          .updateTable('entry_metrics')
          .set(values)
          .where('municipality_code', '=', w.municipalityCode)
          .where('entry_id', '=', w.entryId)
          .where('position', '=', w.position)
          .execute();
        await recordChange(trx, {
          municipalityCode: w.municipalityCode,
          planId: w.planId,
          projectId: w.projectId,
          fiscalYear: w.fiscalYear,
          target: { type: 'metric', entryId: w.entryId, position: w.position },
          before: plainMetric(storedMetric(before)),
          after: w.metric,
          userId: w.userId,
          origin: w.origin,
          at: w.at,
        });
        return { ok: true, version: w.expectedVersion + 1 } as const;
      });
    },
  };
}

async function userName(trx: Kysely<DB>, code: string, userId: number | null): Promise<string> {
  if (userId === null) return '';
  const row = await trx
    .selectFrom('users')
    .select('name')
    .where('municipality_code', '=', code)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.name ?? '';
}

export type MetricStore = ReturnType<typeof metricStore>;
