import { isNumeric, isTextual, type SheetColumn } from './sheet-columns.ts';
import { yearOf } from './sheet-text.ts';
import { named, type SuggestedRef, type SuggestionState } from './suggestion-parts.ts';

export interface SuggestedIndicator {
  name: SuggestedRef | { text: string };
  unit: SuggestedRef | { text: string };
  direction: 'higher';
  kind: 'annual';
  category?: 'activity' | 'outcome';
  targets: Record<string, SuggestedRef>;
  actuals: Record<string, SuggestedRef>;
}

const INDICATOR = /指標|KPI|目標|実績|単位|成果|活動/i;
const UNIT = /単位/;
const TARGET = /目標/;
const ACTUAL = /実績|現状値|実測/;

interface Group {
  label: string;
  columns: SheetColumn[];
}

/** Indicator columns grouped: by their block label (指標1, 指標2) or, without one, from each name. */
function groups(cols: SheetColumn[]): Group[] {
  const out: Group[] = [];
  for (const c of cols) {
    const label = INDICATOR.test(c.upper) ? c.upper : '';
    const last = out.at(-1);
    const startsNew =
      !last ||
      (label !== '' ? label !== last.label : isNameColumn(c) && last.columns.some(isNameColumn));
    if (startsNew) out.push({ label, columns: [c] });
    else last.columns.push(c);
  }
  return out;
}

const isNameColumn = (c: SheetColumn) =>
  isTextual(c) &&
  !UNIT.test(c.own || c.key) &&
  !TARGET.test(c.own || c.key) &&
  !ACTUAL.test(c.own || c.key);

/**
 * Indicators (指標, KPI, 目標, 実績): per group a name column, a unit, targets and actuals by the
 * year their headers name. A year that cannot be read is asked, never assumed silently.
 */
export function suggestIndicators(
  state: SuggestionState,
  lastYear: number | null,
): SuggestedIndicator[] {
  const cols = state.free().filter((c) => INDICATOR.test(c.key) && !/評価|方向性|今後/.test(c.key));
  const found: SuggestedIndicator[] = [];
  for (const group of groups(cols)) {
    const name = group.columns.find(isNameColumn);
    if (!name) {
      state.ask('suggest.indicator-no-name', { columns: group.columns.map(named).join('、') });
      continue;
    }
    const unit = group.columns.find((c) => UNIT.test(c.own || c.key) && c !== name);
    const indicator: SuggestedIndicator = {
      name: state.ref(name),
      unit: unit ? state.ref(unit) : { text: '—' },
      direction: 'higher',
      kind: 'annual',
      targets: {},
      actuals: {},
    };
    if (!unit) state.ask('suggest.indicator-no-unit', { column: named(name) });
    const category = /活動指標|アウトプット/.test(group.label + name.key)
      ? 'activity'
      : /成果指標|アウトカム/.test(group.label + name.key)
        ? 'outcome'
        : undefined;
    if (category) {
      indicator.category = category;
      state.v2 = true;
    }
    for (const c of group.columns) {
      if (c === name || c === unit || !isNumeric(c)) continue;
      const own = c.own || c.key;
      const slot = TARGET.test(own)
        ? indicator.targets
        : ACTUAL.test(own)
          ? indicator.actuals
          : null;
      if (!slot) continue;
      const year = yearOf(own) ?? yearOf(c.key) ?? (slot === indicator.targets ? lastYear : null);
      if (year === null) {
        state.ask('suggest.indicator-year-unreadable', { column: named(c) });
        continue;
      }
      if (yearOf(c.key) === null)
        state.ask('suggest.target-year-assumed', { column: named(c), year });
      if (slot[String(year)]) {
        state.ask('suggest.indicator-year-twice', { column: named(c), year });
        continue;
      }
      slot[String(year)] = state.ref(c);
    }
    found.push(indicator);
  }
  if (found.length > 0) state.ask('suggest.indicator-defaults', { count: found.length });
  return found;
}
