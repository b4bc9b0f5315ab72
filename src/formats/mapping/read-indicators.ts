import { toHalfWidth } from '../../core/half-width.ts';
import type { KpiActual } from '../../core/kpi.ts';
import type { MappedKpi } from './mapped-result.ts';
import type { MappedRow } from './mapped-row.ts';
import type { ColumnRef, Mapping } from './mapping-schema.ts';

type Indicator = Mapping['indicators'][number];

/** A name or unit: a fixed text, or a column's text. */
function textOf(row: MappedRow, ref: Indicator['name']): string {
  return 'text' in Object(ref) ? (ref as { text: string }).text : row.text(ref as ColumnRef).trim();
}

function readNumber(row: MappedRow, ref: ColumnRef): number | null {
  const text = toHalfWidth(row.text(ref)).replaceAll(',', '').trim();
  if (text === '' || /^[-－―ー]$/.test(text)) return null;
  const value = Number(text);
  if (Number.isFinite(value)) return value;
  row.problem('mapping.not-a-number', ref, 'number', row.text(ref));
  return null;
}

function readIndicator(row: MappedRow, k: Indicator, projectNo: string): MappedKpi | null {
  const name = textOf(row, k.name);
  const unit = textOf(row, k.unit);
  if (!name) return null;
  const targets = Object.entries(k.targets)
    .map(([fy, ref]) => ({ fiscalYear: Number(fy), value: readNumber(row, ref) }))
    .filter((t): t is { fiscalYear: number; value: number } => t.value !== null);
  const actuals: KpiActual[] = [];
  for (const [fy, ref] of Object.entries(k.actuals)) {
    const value = readNumber(row, ref);
    if (value !== null) actuals.push({ fiscalYear: Number(fy), value, asOf: null, source: null });
  }
  const final = k.targetFiscalYear
    ? targets.find((t) => t.fiscalYear === k.targetFiscalYear)
    : targets.at(-1);
  if (!final) return null;
  return {
    projectNo,
    definition: {
      name,
      unit: unit || '—',
      direction: k.direction,
      kind: k.kind,
      baseline: null,
      target: final,
      yearTargets: targets.filter((t) => t !== final),
    },
    actuals,
  };
}

/** The row's KPIs, one per mapped indicator that has a name and a target. */
export function readIndicators(row: MappedRow, mapping: Mapping, projectNo: string): MappedKpi[] {
  return mapping.indicators
    .map((k) => readIndicator(row, k, projectNo))
    .filter((k): k is MappedKpi => k !== null);
}
