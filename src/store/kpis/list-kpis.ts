import type { Kysely } from 'kysely';
import type { KpiCategory, KpiDirection, KpiKind, KpiScope } from '../../core/kpi.ts';
import type { KpiRecord } from '../../core/kpi-record.ts';
import type { DB } from '../schema.ts';

/** KPIs of a plan with their ids, targets and actuals, bounded by the municipality. */
export async function listKpis(
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
  // The plan's KPIs as a subquery, not a list of ids: a city's plan has thousands of them.
  const ids = db
    .selectFrom('kpis')
    .select('id')
    .where('municipality_code', '=', code)
    .where('plan_id', '=', planId)
    .$if(only !== undefined, (sq) => sq.where('id', '=', only as number));
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
  const targetsOf = groupByKpi(targets);
  const actualsOf = groupByKpi(actuals);
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
      target:
        r.target_value === null || r.target_fiscal_year === null
          ? null
          : { value: r.target_value, fiscalYear: r.target_fiscal_year },
      yearTargets: (targetsOf.get(r.id) ?? []).map((t) => ({
        fiscalYear: t.fiscal_year,
        value: t.value,
      })),
      ...(r.category ? { category: r.category as KpiCategory } : {}),
    },
    actuals: (actualsOf.get(r.id) ?? []).map((a) => ({
      fiscalYear: a.fiscal_year,
      value: a.value,
      asOf: a.as_of,
      source: a.source,
      entryId: a.entry_id,
    })),
  }));
}

/** Rows by KPI id, in their order: one pass, not one filter per KPI (thousands in a plan). */
function groupByKpi<T extends { kpi_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.kpi_id);
    if (list) list.push(r);
    else out.set(r.kpi_id, [r]);
  }
  return out;
}
