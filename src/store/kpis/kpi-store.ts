import type { Kysely } from 'kysely';
import type { ChangeOrigin } from '../../core/change.ts';
import { SouseiError } from '../../core/errors.ts';
import type { KpiDirection, KpiKind, KpiScope } from '../../core/kpi.ts';
import type { KpiActualFields, KpiFields, KpiRecord } from '../../core/kpi-record.ts';
import { recordChange } from '../history/record-change.ts';
import { inTransaction } from '../in-transaction.ts';
import { assertYearsWritable } from '../rules/assert-years-writable.ts';
import type { DB } from '../schema.ts';
import { kpiOwnerReads } from './kpi-owner-reads.ts';

/** Who writes and when: every write is recorded in the history with these. */
export interface KpiWriter {
  userId: number | null;
  origin: ChangeOrigin;
  now: string;
}

/** The definition as the history keeps it (before/after). */
function snapshot(f: KpiFields) {
  return {
    scope: f.scope,
    nodeId: f.scope === 'project' ? null : f.nodeId,
    projectId: f.scope === 'project' ? f.projectId : null,
    name: f.name,
    unit: f.unit,
    direction: f.direction,
    kind: f.kind,
    baselineValue: f.baselineValue,
    baselineFiscalYear: f.baselineFiscalYear,
    targetValue: f.targetValue,
    targetFiscalYear: f.targetFiscalYear,
    yearTargets: [...f.yearTargets].sort((a, b) => a.fiscalYear - b.fiscalYear),
  };
}

function fieldsOf(k: KpiRecord): KpiFields {
  const d = k.definition;
  return {
    scope: k.scope,
    nodeId: k.nodeId,
    projectId: k.projectId,
    name: d.name,
    unit: d.unit,
    direction: d.direction,
    kind: d.kind,
    baselineValue: d.baseline?.value ?? null,
    baselineFiscalYear: d.baseline?.fiscalYear ?? null,
    targetValue: d.target.value,
    targetFiscalYear: d.target.fiscalYear,
    yearTargets: d.yearTargets,
  };
}

/** KPIs of a plan with their ids, targets and actuals, bounded by the municipality. */
async function listKpis(
  db: Kysely<DB>,
  code: string,
  planId: number,
  only?: number,
): Promise<KpiRecord[]> {
  let q = db
    .selectFrom('kpis')
    .selectAll()
    .where('municipality_code', '=', code)
    .where('plan_id', '=', planId);
  if (only !== undefined) q = q.where('id', '=', only);
  const rows = await q.orderBy('position').orderBy('id').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [targets, actuals] = await Promise.all([
    db
      .selectFrom('kpi_year_targets')
      .selectAll()
      .where('municipality_code', '=', code)
      .where('kpi_id', 'in', ids)
      .orderBy('fiscal_year')
      .execute(),
    db
      .selectFrom('kpi_actuals')
      .selectAll()
      .where('municipality_code', '=', code)
      .where('kpi_id', 'in', ids)
      .orderBy('fiscal_year')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    scope: r.scope as KpiScope,
    nodeId: r.node_id,
    projectId: r.project_id,
    position: r.position,
    introducedIn: r.introduced_in ?? null,
    definition: {
      name: r.name,
      unit: r.unit,
      direction: r.direction as KpiDirection,
      kind: r.kind as KpiKind,
      baseline:
        r.baseline_value === null || r.baseline_fiscal_year === null
          ? null
          : { value: r.baseline_value, fiscalYear: r.baseline_fiscal_year },
      target: { value: r.target_value, fiscalYear: r.target_fiscal_year },
      yearTargets: targets
        .filter((t) => t.kpi_id === r.id)
        .map((t) => ({ fiscalYear: t.fiscal_year, value: t.value })),
    },
    actuals: actuals
      .filter((a) => a.kpi_id === r.id)
      .map((a) => ({
        fiscalYear: a.fiscal_year,
        value: a.value,
        asOf: a.as_of,
        source: a.source,
        entryId: a.entry_id,
      })),
  }));
}

/** The plan of a stored KPI, bounded by the municipality; not-found otherwise. */
async function planOfKpi(trx: Kysely<DB>, code: string, kpiId: number) {
  const k = await trx
    .selectFrom('kpis')
    .select(['plan_id', 'project_id'])
    .where('id', '=', kpiId)
    .where('municipality_code', '=', code)
    .executeTakeFirst();
  if (!k) throw new SouseiError('not-found', 'kpi.not-found');
  return { planId: k.plan_id, projectId: k.project_id };
}

/** The year a new KPI belongs to: the plan's open year (the latest if several), else none. */
async function openYearOf(trx: Kysely<DB>, code: string, planId: number): Promise<number | null> {
  const row = await trx
    .selectFrom('plan_years')
    .select((eb) => eb.fn.max<number | null>('fiscal_year').as('fy'))
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', code)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return row?.fy === null || row?.fy === undefined ? null : Number(row.fy);
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
    .onConflict((oc) => oc.columns(['kpi_id', 'fiscal_year']).doUpdateSet(values))
    .execute();
}

/**
 * Writes one year's actual: refused for a locked or published year of the KPI's plan, recorded
 * in the history with the value before. Nothing is written or recorded when nothing changes.
 */
async function writeActual(
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
      const f = snapshot(args.fields);
      return inTransaction(db, async (trx) => {
        const values = {
          scope: f.scope,
          node_id: f.nodeId,
          project_id: f.projectId,
          name: f.name,
          unit: f.unit,
          direction: f.direction,
          kind: f.kind,
          baseline_value: f.baselineValue,
          baseline_fiscal_year: f.baselineFiscalYear,
          target_value: f.targetValue,
          target_fiscal_year: f.targetFiscalYear,
          updated_at: w.now,
        };
        let id = args.kpiId;
        let before: ReturnType<typeof snapshot> | null = null;
        let introducedIn: number | null;
        if (id !== undefined) {
          const [stored] = await listKpis(trx, code, args.planId, id);
          if (!stored) throw new SouseiError('not-found', 'kpi.not-found');
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
     * A project KPI from a mapped import: replaces the project's KPI of the same name (an earlier
     * import of the file) with the file's definition and actuals. Actuals of closed years are
     * refused like any other writer's; the removal and the new KPI are both in the history.
     */
    replaceImported(
      args: {
        municipalityCode: string;
        planId: number;
        fields: KpiFields;
        actuals: readonly KpiActualFields[];
      },
      w: KpiWriter,
    ): Promise<number> {
      const code = args.municipalityCode;
      return inTransaction(db, async (trx) => {
        const stored = (await listKpis(trx, code, args.planId)).filter(
          (k) =>
            k.scope === 'project' &&
            k.projectId === args.fields.projectId &&
            k.definition.name === args.fields.name,
        );
        for (const k of stored) {
          await trx
            .deleteFrom('kpi_actuals')
            .where('kpi_id', '=', k.id)
            .where('municipality_code', '=', code)
            .execute();
          await trx
            .deleteFrom('kpi_year_targets')
            .where('kpi_id', '=', k.id)
            .where('municipality_code', '=', code)
            .execute();
          await trx
            .deleteFrom('kpis')
            .where('id', '=', k.id)
            .where('municipality_code', '=', code)
            .execute();
          await recordChange(trx, {
            municipalityCode: code,
            planId: args.planId,
            projectId: k.projectId,
            fiscalYear: k.introducedIn,
            target: { type: 'kpi', kpiId: k.id },
            before: snapshot(fieldsOf(k)),
            after: null,
            userId: w.userId,
            origin: w.origin,
            at: w.now,
          });
        }
        const id = await kpiStore(trx).save(
          { municipalityCode: code, planId: args.planId, fields: args.fields },
          w,
        );
        for (const actual of args.actuals) {
          await writeActual(trx, { municipalityCode: code, kpiId: id, actual, entryId: null }, w);
        }
        return id;
      });
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
