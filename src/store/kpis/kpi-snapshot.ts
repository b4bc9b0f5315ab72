import type { ChangeOrigin } from '../../core/change.ts';
import type { KpiFields } from '../../core/kpi-record.ts';

/** Who writes and when: every write is recorded in the history with these. */
export interface KpiWriter {
  userId: number | null;
  origin: ChangeOrigin;
  now: string;
}

/** The definition as the history keeps it (before/after). */
export function snapshot(f: KpiFields) {
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
    // Only when said, so the history of KPIs without a category reads as before.
    ...(f.category ? { category: f.category } : {}),
  };
}

/** The KPI's row as every writer stores it (the definition's columns and when it changed). */
export function kpiColumns(f: KpiFields, now: string) {
  return {
    scope: f.scope,
    node_id: f.scope === 'project' ? null : f.nodeId,
    project_id: f.scope === 'project' ? f.projectId : null,
    name: f.name,
    unit: f.unit,
    direction: f.direction,
    kind: f.kind,
    baseline_value: f.baselineValue,
    baseline_fiscal_year: f.baselineFiscalYear,
    target_value: f.targetValue,
    target_fiscal_year: f.targetFiscalYear,
    category: f.category ?? null,
    updated_at: now,
  };
}
