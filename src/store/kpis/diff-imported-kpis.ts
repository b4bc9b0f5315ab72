import type { KpiActualFields, KpiFields, KpiRecord } from '../../core/kpi-record.ts';
import { fieldsOf } from '../../core/kpi-record.ts';
import { snapshot } from './kpi-snapshot.ts';

/** One KPI of an import with the actuals the file gives it. */
export interface ImportedKpi {
  fields: KpiFields;
  actuals: readonly KpiActualFields[];
}

/** An imported KPI's state as the history keeps it: its definition and its actuals. */
export type ImportedSnapshot = ReturnType<typeof importedSnapshot>;

/** A stored actual as an import writes it (the file links no result). */
function actualOf(a: {
  fiscalYear: number;
  value: number;
  asOf: string | null;
  source: string | null;
  entryId?: number | null;
}) {
  return {
    fiscalYear: a.fiscalYear,
    value: a.value,
    asOf: a.asOf,
    source: a.source === '' ? null : a.source,
    entryId: a.entryId ?? null,
  };
}

export function importedSnapshot(
  fields: KpiFields,
  actuals: readonly Parameters<typeof actualOf>[0][],
) {
  return {
    ...snapshot(fields),
    actuals: actuals.map(actualOf).sort((a, b) => a.fiscalYear - b.fiscalYear),
  };
}

/** What an import does to one KPI: nothing, an update in place of `stored`, or an insert. */
export type ImportedKpiPlan =
  | { kind: 'same' }
  | {
      kind: 'update';
      stored: KpiRecord;
      item: ImportedKpi;
      before: ImportedSnapshot;
      after: ImportedSnapshot;
      years: number[];
    }
  | { kind: 'insert'; item: ImportedKpi; after: ImportedSnapshot; years: number[] };

/** The fiscal years whose actual differs between two states (changed, added or removed). */
function changedYears(
  before: ImportedSnapshot['actuals'],
  after: ImportedSnapshot['actuals'],
): number[] {
  const key = (a: ImportedSnapshot['actuals'][number]) => JSON.stringify(a);
  const was = new Map(before.map((a) => [a.fiscalYear, key(a)]));
  const now = new Map(after.map((a) => [a.fiscalYear, key(a)]));
  const years = new Set<number>();
  for (const [fy, k] of now) if (was.get(fy) !== k) years.add(fy);
  for (const fy of was.keys()) if (!now.has(fy)) years.add(fy);
  return [...years];
}

/** The project KPIs of a plan by (project, name): the key an import matches its rows with. */
export function importKey(projectId: number | null, name: string): string {
  return JSON.stringify([projectId, name]);
}

/**
 * Compares one imported KPI with the stored one of the same project and name: the file's
 * definition and actuals replace the stored ones, so a KPI whose definition and actuals are the
 * same is left alone (no write, no history).
 */
export function planImportedKpi(item: ImportedKpi, stored: KpiRecord | undefined): ImportedKpiPlan {
  const fields = { ...item.fields, category: item.fields.category ?? null };
  const after = importedSnapshot(fields, item.actuals);
  const normalised = { ...item, fields };
  if (!stored) {
    return {
      kind: 'insert',
      item: normalised,
      after,
      years: after.actuals.map((a) => a.fiscalYear),
    };
  }
  const before = importedSnapshot(fieldsOf(stored), stored.actuals);
  if (JSON.stringify(before) === JSON.stringify(after)) return { kind: 'same' };
  const years = changedYears(before.actuals, after.actuals);
  return { kind: 'update', stored, item: normalised, before, after, years };
}
