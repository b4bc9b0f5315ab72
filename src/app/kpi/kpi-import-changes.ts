import { type FiscalYear, formatFiscalYear } from '../../core/fiscal-year.ts';
import type { KpiScope } from '../../core/kpi.ts';
import { SCOPE_LABELS } from '../../core/kpi-input.ts';
import type { KpiTableRow } from '../../formats/kpi/kpi-table-reader.ts';
import { t } from '../../i18n/translate.ts';
import type { KpiRecord } from './kpi-records.ts';
import type { KpiInput } from './save-kpi.ts';

/** What a KPI import changes, row by row, as the import page and `sousei kpi import` say it. */
export type KpiChangeKind = 'added' | 'updated' | 'actual-added' | 'actual-changed';

export interface KpiChange {
  kind: KpiChangeKind;
  /** Catalogue parameters of `kpi.change.{kind}`, ready to read. */
  params: Record<string, string | number | null>;
}

export function formatKpiChange(change: KpiChange): string {
  return t(`kpi.change.${change.kind}`, change.params);
}

/** A row of the table matched to its owner in the plan, ready to compare and write. */
export interface Resolved {
  ownerId: number;
  ownerLabel: string;
  input: KpiInput;
  /** Actuals of open years. */
  actuals: KpiTableRow['actuals'];
}

export function matches(k: KpiRecord, scope: KpiScope, ownerId: number, name: string): boolean {
  const id = scope === 'project' ? k.projectId : k.nodeId;
  return k.scope === scope && id === ownerId && k.definition.name === name;
}

export function sameActual(
  a: { value: number; asOf: string | null; source: string | null },
  b: { value: number; asOf: string | null; source: string | null },
): boolean {
  return a.value === b.value && a.asOf === b.asOf && (a.source ?? null) === (b.source ?? null);
}

/** The definition's fields that differ from the stored KPI, by their column names. */
function changedFields(stored: KpiRecord, input: KpiInput): string[] {
  const d = stored.definition;
  const fields: string[] = [];
  if (d.unit !== input.unit) fields.push('単位');
  if (d.direction !== input.direction) fields.push('方向');
  if (d.kind !== input.kind) fields.push('種類');
  if ((d.baseline?.value ?? null) !== input.baselineValue) fields.push('基準値');
  if ((d.baseline?.fiscalYear ?? null) !== input.baselineFiscalYear) fields.push('基準年度');
  if ((d.target?.value ?? null) !== input.targetValue) fields.push('目標値');
  if ((d.target?.fiscalYear ?? null) !== input.targetFiscalYear) fields.push('目標年度');
  const key = (ys: readonly { fiscalYear: FiscalYear; value: number }[]) =>
    JSON.stringify(
      [...ys].sort((a, b) => a.fiscalYear - b.fiscalYear).map((y) => [y.fiscalYear, y.value]),
    );
  if (key(d.yearTargets) !== key(input.yearTargets)) fields.push('年度ごとの目標');
  return fields;
}

interface Op {
  resolved: Resolved;
  kpiId: number | undefined;
  writeDefinition: boolean;
  actuals: KpiTableRow['actuals'];
}

/** What importing the rows would change, and the writes that do it. */
export function kpiImportDiff(rows: readonly Resolved[], existing: readonly KpiRecord[]) {
  const changes: KpiChange[] = [];
  const ops: Op[] = [];
  for (const r of rows) {
    const stored = existing.find((k) => matches(k, r.input.scope, r.ownerId, r.input.name));
    const base = { name: r.input.name, owner: r.ownerLabel, unit: r.input.unit };
    let writeDefinition = false;
    if (!stored) {
      changes.push({ kind: 'added', params: { ...base, scope: SCOPE_LABELS[r.input.scope] } });
      writeDefinition = true;
    } else {
      const fields = changedFields(stored, r.input);
      if (fields.length > 0) {
        changes.push({ kind: 'updated', params: { ...base, fields: fields.join('・') } });
        writeDefinition = true;
      }
    }
    const actuals: KpiTableRow['actuals'] = [];
    for (const a of r.actuals) {
      const before = stored?.actuals.find((s) => s.fiscalYear === a.fiscalYear);
      if (before && sameActual(before, a)) continue;
      actuals.push(a);
      const params = {
        ...base,
        fiscalYear: formatFiscalYear(a.fiscalYear, 'both'),
        before: before ? String(before.value) : null,
        after: String(a.value),
      };
      changes.push({ kind: before ? 'actual-changed' : 'actual-added', params });
    }
    if (writeDefinition || actuals.length > 0) {
      ops.push({ resolved: r, kpiId: stored?.id, writeDefinition, actuals });
    }
  }
  return { changes, ops };
}
