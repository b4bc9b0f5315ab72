import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import type { KpiActualFields } from '../../core/kpi-record.ts';
import { recordChange } from '../history/record-change.ts';
import { assertYearsWritable } from '../rules/assert-years-writable.ts';
import type { DB } from '../schema.ts';
import type { KpiWriter } from './kpi-snapshot.ts';

/** The plan of a stored KPI, bounded by the municipality; not-found otherwise. */
export async function planOfKpi(trx: Kysely<DB>, code: string, kpiId: number) {
  const k = await trx
    .selectFrom('kpis')
    .select(['plan_id', 'project_id'])
    .where('id', '=', kpiId)
    .where('municipality_code', '=', code)
    .executeTakeFirst();
  if (!k) throw new SouseiError('not-found', 'kpi.not-found');
  return { planId: k.plan_id, projectId: k.project_id };
}

async function insertActual(
  trx: Kysely<DB>,
  code: string,
  kpiId: number,
  a: KpiActualFields,
  entryId: number | null,
  w: KpiWriter,
): Promise<void> {
  const values = {
    value: a.value,
    as_of: a.asOf,
    source: a.source === '' ? null : a.source,
    entry_id: entryId,
    updated_at: w.now,
    updated_by: w.userId,
  };
  await trx
    .insertInto('kpi_actuals')
    .values({ kpi_id: kpiId, municipality_code: code, fiscal_year: a.fiscalYear, ...values })
    .onConflict((oc) =>
      oc.columns(['municipality_code', 'kpi_id', 'fiscal_year']).doUpdateSet(values),
    )
    .execute();
}

/**
 * Writes one year's actual: refused for a locked or published year of the KPI's plan, recorded
 * in the history with the value before. Nothing is written or recorded when nothing changes.
 */
export async function writeActual(
  trx: Kysely<DB>,
  args: {
    municipalityCode: string;
    kpiId: number;
    actual: KpiActualFields;
    entryId: number | null;
  },
  w: KpiWriter,
): Promise<void> {
  const code = args.municipalityCode;
  const { planId, projectId } = await planOfKpi(trx, code, args.kpiId);
  const fy = args.actual.fiscalYear;
  await assertYearsWritable(trx, { municipalityCode: code, planId }, [fy]);
  const row = await trx
    .selectFrom('kpi_actuals')
    .select(['value', 'as_of', 'source', 'entry_id'])
    .where('kpi_id', '=', args.kpiId)
    .where('municipality_code', '=', code)
    .where('fiscal_year', '=', fy)
    .executeTakeFirst();
  const before = row
    ? { value: row.value, asOf: row.as_of, source: row.source, entryId: row.entry_id }
    : null;
  const after = {
    value: args.actual.value,
    asOf: args.actual.asOf,
    source: args.actual.source === '' ? null : args.actual.source,
    entryId: args.entryId,
  };
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  await insertActual(trx, code, args.kpiId, args.actual, args.entryId, w);
  await recordChange(trx, {
    municipalityCode: code,
    planId,
    projectId,
    fiscalYear: fy,
    target: { type: 'kpi-actual', kpiId: args.kpiId },
    before,
    after,
    userId: w.userId,
    origin: w.origin,
    at: w.now,
  });
}
