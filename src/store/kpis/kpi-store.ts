import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import type { KpiActualFields, KpiFields, KpiRecord } from '../../core/kpi-record.ts';
import { fieldsOf } from '../../core/kpi-record.ts';
import { planAggregatesStale } from '../aggregates/fresh-aggregates.ts';
import { recordChange } from '../history/record-change.ts';
import { inTransaction } from '../in-transaction.ts';
import { assertYearsWritable } from '../rules/assert-years-writable.ts';
import type { DB } from '../schema.ts';
import { openYearOf } from '../years/plan-year-store.ts';
import type { ImportedKpi } from './diff-imported-kpis.ts';
import { kpiOwnerReads } from './kpi-owner-reads.ts';
import { type KpiWriter, kpiColumns, snapshot } from './kpi-snapshot.ts';
import { listKpis } from './list-kpis.ts';
import { replaceImportedKpis } from './replace-imported-kpis.ts';
import { writeActual } from './write-kpi-actual.ts';

/**
 * KPIs, their year targets and actuals: the only writer of kpis, kpi_year_targets and
 * kpi_actuals. Every write is scoped to the municipality, refuses actuals of closed years and
 * records a history entry in the same transaction, whoever writes (web, API, CLI, importers).
 */
export function kpiStore(db: Kysely<DB>) {
  return {
    ...kpiOwnerReads(db),

    list(code: string, planId: number): Promise<KpiRecord[]> {
      return listKpis(db, code, planId);
    },

    /** Creates a KPI (last in the plan, introduced in the open year) or updates `kpiId`. */
    async save(
      args: { municipalityCode: string; planId: number; kpiId?: number; fields: KpiFields },
      w: KpiWriter,
    ): Promise<number> {
      const code = args.municipalityCode;
      return inTransaction(db, async (trx) => {
        const [stored] =
          args.kpiId === undefined ? [] : await listKpis(trx, code, args.planId, args.kpiId);
        if (args.kpiId !== undefined && !stored)
          throw new SouseiError('not-found', 'kpi.not-found');
        // A writer that does not know the category (the KPI form) keeps the stored one.
        const fields =
          args.fields.category === undefined
            ? { ...args.fields, category: stored?.definition.category ?? null }
            : args.fields;
        const f = snapshot(fields);
        const values = kpiColumns(fields, w.now);
        let id = args.kpiId;
        let before: ReturnType<typeof snapshot> | null = null;
        let introducedIn: number | null;
        if (id !== undefined && stored) {
          before = snapshot(fieldsOf(stored));
          introducedIn = stored.introducedIn;
          if (JSON.stringify(before) === JSON.stringify(f)) return id;
          await trx
            .updateTable('kpis')
            .set(values)
            .where('id', '=', id)
            .where('municipality_code', '=', code)
            .execute();
          await trx
            .deleteFrom('kpi_year_targets')
            .where('kpi_id', '=', id)
            .where('municipality_code', '=', code)
            .execute();
        } else {
          introducedIn = await openYearOf(trx, code, args.planId);
          const last = await trx
            .selectFrom('kpis')
            .select((eb) => eb.fn.max<number | null>('position').as('p'))
            .where('plan_id', '=', args.planId)
            .where('municipality_code', '=', code)
            .executeTakeFirst();
          const row = await trx
            .insertInto('kpis')
            .values({
              municipality_code: code,
              plan_id: args.planId,
              position: last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1,
              introduced_in: introducedIn,
              ...values,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          id = row.id;
        }
        for (const y of f.yearTargets) {
          await trx
            .insertInto('kpi_year_targets')
            .values({
              kpi_id: id,
              municipality_code: code,
              fiscal_year: y.fiscalYear,
              value: y.value,
            })
            .execute();
        }
        await planAggregatesStale(trx, code, args.planId);
        await recordChange(trx, {
          municipalityCode: code,
          planId: args.planId,
          projectId: f.projectId,
          fiscalYear: introducedIn,
          target: { type: 'kpi', kpiId: id },
          before,
          after: f,
          userId: w.userId,
          origin: w.origin,
          at: w.now,
        });
        return id;
      });
    },

    /**
     * The project KPIs of a mapped import, in one pass (see replaceImportedKpis): unchanged
     * KPIs are not written, changed ones updated in place, new ones inserted.
     */
    replaceImportedAll(
      args: { municipalityCode: string; planId: number; items: readonly ImportedKpi[] },
      w: KpiWriter,
    ): Promise<void> {
      return inTransaction(db, (trx) => replaceImportedKpis(trx, args, w));
    },

    /** Records (or replaces) one year's actual; refused for a locked or published year. */
    saveActual(
      args: {
        municipalityCode: string;
        kpiId: number;
        actual: KpiActualFields;
        entryId?: number | null;
      },
      w: KpiWriter,
    ): Promise<void> {
      return inTransaction(db, (trx) =>
        writeActual(trx, { ...args, entryId: args.entryId ?? null }, w),
      );
    },

    /**
     * Marks a result as a KPI result linked to `kpiId` (null: takes the mark off) and, with
     * `actual`, makes it that year's actual, all in one transaction. The result's year must be
     * writable: marking a result changes what a closed year showed.
     */
    linkResult(
      args: {
        municipalityCode: string;
        planId: number;
        entryId: number;
        fiscalYear: number | null;
        kpiId: number | null;
        actual: KpiActualFields | null;
      },
      w: KpiWriter,
    ): Promise<void> {
      const code = args.municipalityCode;
      return inTransaction(db, async (trx) => {
        if (args.fiscalYear !== null) {
          await assertYearsWritable(trx, { municipalityCode: code, planId: args.planId }, [
            args.fiscalYear,
          ]);
        }
        await trx
          .updateTable('activity_entries')
          .set({ kpi: args.kpiId === null ? 0 : 1, kpi_id: args.kpiId })
          .where('id', '=', args.entryId)
          .where('municipality_code', '=', code)
          .execute();
        if (args.actual && args.kpiId !== null) {
          await writeActual(
            trx,
            {
              municipalityCode: code,
              kpiId: args.kpiId,
              actual: args.actual,
              entryId: args.entryId,
            },
            w,
          );
        }
      });
    },
  };
}

export type KpiStore = ReturnType<typeof kpiStore>;
