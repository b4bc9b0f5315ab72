import type { Kysely } from 'kysely';
import type { KpiActual, KpiDefinition, KpiDirection, KpiKind, KpiScope } from '../../core/kpi.ts';
import type { DB } from '../../store/schema.ts';

/** A stored KPI: where it belongs, its definition and its actuals. */
export interface KpiRecord {
  id: number;
  scope: KpiScope;
  /** The goal or measure node (scope goal/measure). */
  nodeId: number | null;
  /** The project (scope project). */
  projectId: number | null;
  position: number;
  definition: KpiDefinition;
  actuals: (KpiActual & { entryId: number | null })[];
}

/** Every KPI of a plan with its targets and actuals, bounded by the municipality. */
export async function loadKpis(db: Kysely<DB>, code: string, planId: number): Promise<KpiRecord[]> {
  const rows = await db
    .selectFrom('kpis')
    .selectAll()
    .where('municipality_code', '=', code)
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('id')
    .execute();
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
