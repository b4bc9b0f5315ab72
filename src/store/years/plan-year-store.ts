import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import {
  isYearStatus,
  nextYearStatus,
  type YearAction,
  type YearStatus,
} from '../../core/workflow.ts';
import { writePublishedAggregates } from '../aggregates/write-published-aggregates.ts';
import { recordChange } from '../history/record-change.ts';
import { inTransaction } from '../in-transaction.ts';
import type { DB } from '../schema.ts';

export interface YearTransition {
  municipalityCode: string;
  planId: number;
  fiscalYear: number;
  action: YearAction;
  /** Why the year was locked or published despite what is unfinished; recorded. */
  reason: string | null;
  userId: number;
  at: string;
}

async function readStatuses(
  db: Kysely<DB>,
  municipalityCode: string,
  planId: number,
): Promise<Map<number, YearStatus>> {
  const rows = await db
    .selectFrom('plan_years')
    .select(['fiscal_year', 'status'])
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', municipalityCode)
    .execute();
  return new Map(rows.map((r) => [r.fiscal_year, isYearStatus(r.status) ? r.status : 'preparing']));
}

async function readStatus(
  db: Kysely<DB>,
  municipalityCode: string,
  planId: number,
  fiscalYear: number,
): Promise<YearStatus> {
  return (await readStatuses(db, municipalityCode, planId)).get(fiscalYear) ?? 'preparing';
}

/** The plan's year open for entry (the latest if several), else null: where new things belong. */
export async function openYearOf(
  trx: Kysely<DB>,
  code: string,
  planId: number,
): Promise<number | null> {
  const row = await trx
    .selectFrom('plan_years')
    .select((eb) => eb.fn.max<number | null>('fiscal_year').as('fy'))
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', code)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return row?.fy === null || row?.fy === undefined ? null : Number(row.fy);
}

/** A plan's fiscal years and their workflow status (plan_years); a year without a row is 'preparing'. */
export function planYearStore(db: Kysely<DB>) {
  return {
    statuses: (municipalityCode: string, planId: number) =>
      readStatuses(db, municipalityCode, planId),

    status: (municipalityCode: string, planId: number, fiscalYear: number) =>
      readStatus(db, municipalityCode, planId, fiscalYear),

    /** When the year was published and the reason recorded for publishing with errors. */
    async publication(municipalityCode: string, planId: number, fiscalYear: number) {
      const row = await db
        .selectFrom('plan_years')
        .select(['published_at', 'publish_override'])
        .where('municipality_code', '=', municipalityCode)
        .where('plan_id', '=', planId)
        .where('fiscal_year', '=', fiscalYear)
        .executeTakeFirst();
      return { at: row?.published_at ?? null, override: row?.publish_override ?? null };
    },

    /**
     * Moves the year on by `action`, reading its status inside the write so two administrators
     * cannot both apply a step; records the step (and its reason) in the history.
     */
    /**
     * Sets up a year that has no status yet (the demo's published R2 and open R3); a year that
     * already has one keeps it. Recorded in the history like any step.
     */
    async setUp(s: {
      municipalityCode: string;
      planId: number;
      fiscalYear: number;
      status: YearStatus;
      at: string;
    }): Promise<void> {
      await inTransaction(db, async (trx) => {
        const inserted = await trx
          .insertInto('plan_years')
          .values({
            plan_id: s.planId,
            municipality_code: s.municipalityCode,
            fiscal_year: s.fiscalYear,
            status: s.status,
            updated_at: s.at,
            updated_by: null,
            published_at: s.status === 'published' ? s.at : null,
            publish_override: null,
          })
          .onConflict((oc) =>
            oc.columns(['municipality_code', 'plan_id', 'fiscal_year']).doNothing(),
          )
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
        if (s.status === 'published')
          await writePublishedAggregates(trx, s.municipalityCode, s.planId);
        await recordChange(trx, {
          municipalityCode: s.municipalityCode,
          planId: s.planId,
          projectId: null,
          fiscalYear: s.fiscalYear,
          target: { type: 'year-status' },
          before: 'preparing',
          after: s.status,
          userId: null,
          origin: 'workflow',
          at: s.at,
        });
      });
    },

    async transition(t: YearTransition): Promise<{ from: YearStatus; to: YearStatus }> {
      return inTransaction(db, async (trx) => {
        const from =
          (await readStatuses(trx, t.municipalityCode, t.planId)).get(t.fiscalYear) ?? 'preparing';
        const to = nextYearStatus(from, t.action);
        if (!to) {
          throw new SouseiError('conflict', 'year.invalid-transition', { from, action: t.action });
        }
        const values = {
          status: to,
          updated_at: t.at,
          updated_by: t.userId,
          ...(to === 'published' ? { published_at: t.at, publish_override: t.reason } : {}),
        };
        await trx
          .insertInto('plan_years')
          .values({
            plan_id: t.planId,
            municipality_code: t.municipalityCode,
            fiscal_year: t.fiscalYear,
            published_at: null,
            publish_override: null,
            ...values,
          })
          .onConflict((oc) =>
            oc.columns(['municipality_code', 'plan_id', 'fiscal_year']).doUpdateSet(values),
          )
          .execute();
        // The public comparison changes with publication, in the same transaction.
        if (from === 'published' || to === 'published') {
          await writePublishedAggregates(trx, t.municipalityCode, t.planId);
        }
        await recordChange(trx, {
          municipalityCode: t.municipalityCode,
          planId: t.planId,
          projectId: null,
          fiscalYear: t.fiscalYear,
          target: { type: 'year-status' },
          before: from,
          after: t.reason ? { status: to, override: t.reason } : to,
          userId: t.userId,
          origin: 'workflow',
          at: t.at,
        });
        return { from, to };
      });
    },
  };
}

export type PlanYearStore = ReturnType<typeof planYearStore>;
