import { toHalfWidth } from '../../core/half-width.ts';
import type { KpiActual, KpiCategory } from '../../core/kpi.ts';
import { isFixedText } from './mapped-columns.ts';
import type { MappedKpi } from './mapped-result.ts';
import type { MappedRow } from './mapped-row.ts';
import type { ColumnRef, Mapping } from './mapping-schema.ts';

type Indicator = Mapping['indicators'][number];

/** A name or unit: a fixed text, or a column's text. */
function textOf(row: MappedRow, ref: Indicator['name']): string {
  return isFixedText(ref) ? ref.text : row.text(ref);
}

function readNumber(row: MappedRow, ref: ColumnRef): number | null {
  const text = toHalfWidth(row.text(ref)).replaceAll(',', '').trim();
  // ー alone: what a Japanese IME types for "-" in a number cell (as amounts read it).
  if (text === '' || text === 'ー') return null;
  const value = Number(text);
  if (Number.isFinite(value)) return value;
  row.problem('mapping.not-a-number', ref, 'number', row.raw(ref));
  return null;
}

const CATEGORY_WORDS: [RegExp, KpiCategory][] = [
  [/活動|アウトプット|output|activity/i, 'activity'],
  [/成果|アウトカム|outcome/i, 'outcome'],
];

function readCategory(row: MappedRow, ref: Indicator['category']): KpiCategory | null {
  if (ref === undefined) return null;
  if (ref === 'activity' || ref === 'outcome') return ref;
  const text = row.text(ref);
  if (!text) return null;
  const found = CATEGORY_WORDS.find(([words]) => words.test(text))?.[1];
  if (found) return found;
  row.problem('mapping.category-unreadable', ref, 'kpi-category', text);
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
  // A named indicator without a target is kept (target null), never dropped.
  return {
    projectNo,
    definition: {
      name,
      unit: unit || '—',
      direction: k.direction,
      kind: k.kind,
      baseline: null,
      target: final ?? null,
      yearTargets: targets.filter((t) => t !== final),
      category: readCategory(row, k.category),
    },
    actuals,
  };
}

/**
 * The row's KPIs, one per mapped indicator that has a name, with or without a target. Two of
 * one project with the same name are both kept: the second is named 「名前（2）」 and so on,
 * with a warning naming the cells (a same-named KPI would otherwise replace the first when
 * stored: the loss between the dry run's counts and the store's).
 */
export function readIndicators(row: MappedRow, mapping: Mapping, projectNo: string): MappedKpi[] {
  const kpis: MappedKpi[] = [];
  const first = new Map<string, { ref: Indicator['name']; count: number }>();
  for (const k of mapping.indicators) {
    const kpi = readIndicator(row, k, projectNo);
    if (!kpi) continue;
    const name = kpi.definition.name;
    const seen = first.get(name);
    if (!seen) {
      first.set(name, { ref: k.name, count: 1 });
    } else {
      seen.count++;
      kpi.definition.name = `${name}（${seen.count}）`;
      row.warn('mapping.indicator-renamed', isFixedText(k.name) ? null : k.name, name, {
        renamed: kpi.definition.name,
        firstCell: isFixedText(seen.ref) ? '' : (row.at(seen.ref).cell ?? ''),
      });
    }
    kpis.push(kpi);
  }
  return kpis;
}
