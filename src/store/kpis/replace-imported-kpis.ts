import type { Kysely } from 'kysely';
import type { ChangeRecord } from '../../core/change.ts';
import { SouseiError } from '../../core/errors.ts';
import type { KpiActualFields } from '../../core/kpi-record.ts';
import { planAggregatesStale } from '../aggregates/fresh-aggregates.ts';
import { recordChanges } from '../history/record-changes.ts';
import { assertYearsWritable } from '../rules/assert-years-writable.ts';
import type { DB } from '../schema.ts';
import { openYearOf } from '../years/plan-year-store.ts';
import {
  type ImportedKpi,
  type ImportedKpiPlan,
  importKey,
  planImportedKpi,
} from './diff-imported-kpis.ts';
import { type KpiWriter, kpiColumns } from './kpi-snapshot.ts';
import { listKpis } from './list-kpis.ts';

/** Rows per insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

type Scope = { code: string; planId: number; w: KpiWriter };
type Update = Extract<ImportedKpiPlan, { kind: 'update' }>;
type Insert = Extract<ImportedKpiPlan, { kind: 'insert' }>;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** Inserts the new KPIs (last in the plan, introduced in the open year); their ids by key. */
async function insertKpis(trx: Kysely<DB>, s: Scope, inserts: readonly Insert[]) {
  const ids = new Map<string, number>();
  if (inserts.length === 0) return ids;
  const introducedIn = await openYearOf(trx, s.code, s.planId);
  const last = await trx
    .selectFrom('kpis')
    .select((eb) => eb.fn.max<number | null>('position').as('p'))
    .where('plan_id', '=', s.planId)
    .where('municipality_code', '=', s.code)
    .executeTakeFirst();
  const first = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1;
  const rows = inserts.map((p, i) => ({
    municipality_code: s.code,
    plan_id: s.planId,
    position: first + i,
    introduced_in: introducedIn,
    ...kpiColumns(p.item.fields, s.w.now),
  }));
  await inChunks(rows, async (chunk) => {
    // Matched back by (project, name), unique in the batch: no reliance on RETURNING's order.
    const got = await trx
      .insertInto('kpis')
      .values(chunk)
      .returning(['id', 'project_id', 'name'])
      .execute();
    for (const r of got) ids.set(importKey(r.project_id, r.name), r.id);
  });
  return ids;
}

/** Updates changed KPIs in place (ids, links and URLs stay) and drops their targets/actuals. */
async function updateKpis(trx: Kysely<DB>, s: Scope, updates: readonly Update[]) {
  for (const u of updates) {
    await trx
      .updateTable('kpis')
      .set(kpiColumns(u.item.fields, s.w.now))
      .where('id', '=', u.stored.id)
      .where('municipality_code', '=', s.code)
      .execute();
  }
  await inChunks(
    updates.map((u) => u.stored.id),
    async (ids) => {
      for (const table of ['kpi_year_targets', 'kpi_actuals'] as const) {
        await trx
          .deleteFrom(table)
          .where('municipality_code', '=', s.code)
          .where('kpi_id', 'in', ids)
          .execute();
      }
    },
  );
}

/** Inserts the year targets and actuals of the written KPIs in multi-row inserts. */
async function insertTargetsAndActuals(
  trx: Kysely<DB>,
  s: Scope,
  written: readonly { id: number; item: ImportedKpi }[],
) {
  const targets = written.flatMap(({ id, item }) =>
    item.fields.yearTargets.map((y) => ({
      kpi_id: id,
      municipality_code: s.code,
      fiscal_year: y.fiscalYear,
      value: y.value,
    })),
  );
  const actuals = written.flatMap(({ id, item }) =>
    item.actuals.map((a: KpiActualFields) => ({
      kpi_id: id,
      municipality_code: s.code,
      fiscal_year: a.fiscalYear,
      value: a.value,
      as_of: a.asOf,
      source: a.source === '' ? null : a.source,
      entry_id: null,
      updated_at: s.w.now,
      updated_by: s.w.userId,
    })),
  );
  await inChunks(targets, (c) => trx.insertInto('kpi_year_targets').values(c).execute());
  await inChunks(actuals, (c) => trx.insertInto('kpi_actuals').values(c).execute());
}

/** Two KPIs of one import with one project and name would silently leave one. */
function refuseDuplicates(items: readonly ImportedKpi[]): void {
  const seen = new Set<string>();
  for (const { fields } of items) {
    const key = importKey(fields.projectId, fields.name);
    if (seen.has(key)) {
      throw new SouseiError('invalid-input', 'kpi.import.duplicate-name', {
        projectNo: String(fields.projectId),
        name: fields.name,
      });
    }
    seen.add(key);
  }
}

function change(s: Scope, p: Update | Insert, id: number, introducedIn: number | null) {
  return {
    municipalityCode: s.code,
    planId: s.planId,
    projectId: p.item.fields.projectId,
    fiscalYear: introducedIn,
    target: { type: 'kpi', kpiId: id },
    before: p.kind === 'update' ? p.before : null,
    after: p.after,
    userId: s.w.userId,
    origin: s.w.origin,
    at: s.w.now,
  } satisfies ChangeRecord;
}

/**
 * The project KPIs of a mapped import, written in one pass: the plan's KPIs are read once and
 * matched by (project, name); an unchanged KPI is not written, a changed one is updated in place
 * (one history record, before/after with its actuals), a new one inserted. Actuals of closed
 * years that would change are refused (`year.locked`) before anything is written.
 */
export async function replaceImportedKpis(
  trx: Kysely<DB>,
  args: { municipalityCode: string; planId: number; items: readonly ImportedKpi[] },
  w: KpiWriter,
): Promise<void> {
  const s: Scope = { code: args.municipalityCode, planId: args.planId, w };
  const stored = new Map<string, Awaited<ReturnType<typeof listKpis>>[number]>();
  for (const k of await listKpis(trx, s.code, s.planId)) {
    const key = importKey(k.projectId, k.definition.name);
    if (k.scope === 'project' && !stored.has(key)) stored.set(key, k);
  }
  refuseDuplicates(args.items);
  const plans = args.items.map((item) =>
    planImportedKpi(item, stored.get(importKey(item.fields.projectId, item.fields.name))),
  );
  const updates = plans.filter((p): p is Update => p.kind === 'update');
  const inserts = plans.filter((p): p is Insert => p.kind === 'insert');
  const years = new Set([...updates, ...inserts].flatMap((p) => p.years));
  await assertYearsWritable(trx, { municipalityCode: s.code, planId: s.planId }, [...years]);
  await updateKpis(trx, s, updates);
  const newIds = await insertKpis(trx, s, inserts);
  const introducedIn = inserts.length > 0 ? await openYearOf(trx, s.code, s.planId) : null;
  const written = [
    ...updates.map((u) => ({ id: u.stored.id, item: u.item })),
    ...inserts.map((p) => ({
      id: newIds.get(importKey(p.item.fields.projectId, p.item.fields.name)) as number,
      item: p.item,
    })),
  ];
  await insertTargetsAndActuals(trx, s, written);
  if (written.length > 0) await planAggregatesStale(trx, s.code, s.planId);
  await recordChanges(trx, [
    ...updates.map((u) => change(s, u, u.stored.id, u.stored.introducedIn)),
    ...inserts.map((p, i) => change(s, p, written[updates.length + i]?.id as number, introducedIn)),
  ]);
}
