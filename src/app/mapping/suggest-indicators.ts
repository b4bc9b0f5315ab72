import { isNumeric, isTextual, type SheetColumn } from './sheet-columns.ts';
import { yearOf } from './sheet-text.ts';
import { named, type SuggestedRef, type SuggestionState } from './suggestion-parts.ts';

export interface SuggestedIndicator {
  name: SuggestedRef | { text: string };
  unit: SuggestedRef | { text: string };
  direction: 'higher';
  kind: 'annual';
  category?: 'activity' | 'outcome' | SuggestedRef;
  targets: Record<string, SuggestedRef>;
  actuals: Record<string, SuggestedRef>;
}

const INDICATOR = /指標|KPI|目標|実績|単位|成果|活動/i;
const UNIT = /単位/;
const TARGET = /目標/;
const ACTUAL = /実績|現状値|実測/;

const CATEGORY_HEADER = /区分|種別|種類|分類/;
const CATEGORY_VALUE = /^(活動|成果|アウトプット|アウトカム)(指標)?$/;

/** A column saying each indicator's kind (区分: 活動/成果): read by the reader as a category. */
const isCategoryColumn = (c: SheetColumn) =>
  CATEGORY_HEADER.test(c.own || c.key) &&
  c.filled > 0 &&
  c.values.every((v) => v.trim() === '' || CATEGORY_VALUE.test(v.trim()));

const isNameColumn = (c: SheetColumn) => {
  const own = c.own || c.key;
  return (
    isTextual(c) &&
    !CATEGORY_HEADER.test(own) &&
    !UNIT.test(own) &&
    !TARGET.test(own) &&
    !ACTUAL.test(own)
  );
};

/** 前年度実績, 今年度計画: a project's results and plans as text, not an indicator. */
const isActivityText = (c: SheetColumn) =>
  isTextual(c) && /前年度|今年度|計画|内容|概要|取組/.test(c.key);

interface Group {
  category?: SheetColumn;
  columns: SheetColumn[];
}

/**
 * Indicator columns grouped left to right: each name column starts an indicator, a category
 * column (区分) just before it belongs to it, and the unit, targets and actuals after it too.
 */
function groups(cols: SheetColumn[]): Group[] {
  const out: Group[] = [];
  let pendingCategory: SheetColumn | undefined;
  for (const c of cols) {
    if (isCategoryColumn(c)) {
      pendingCategory = c;
      continue;
    }
    const last = out.at(-1);
    if (!last || (isNameColumn(c) && last.columns.some(isNameColumn)) || pendingCategory) {
      out.push({ category: pendingCategory, columns: [c] });
      pendingCategory = undefined;
    } else last.columns.push(c);
  }
  return out;
}

/**
 * Indicators (指標, KPI, 目標, 実績): per group a name column, a unit, targets and actuals by the
 * year their headers name. A year that cannot be read is asked, never assumed silently.
 */
export function suggestIndicators(
  state: SuggestionState,
  lastYear: number | null,
): SuggestedIndicator[] {
  const cols = state
    .free()
    .filter(
      (c) =>
        (INDICATOR.test(c.key) && !/評価|方向性|今後/.test(c.key) && !isActivityText(c)) ||
        isCategoryColumn(c),
    );
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
    const label = name.upper + name.key;
    const fixed = /活動指標|アウトプット/.test(label)
      ? ('activity' as const)
      : /成果指標|アウトカム/.test(label)
        ? ('outcome' as const)
        : undefined;
    const category = group.category ? state.ref(group.category) : fixed;
    if (category) {
      indicator.category = category;
      state.v2 = true;
    }
    for (const c of group.columns) {
      if (c === name || c === unit || !isNumeric(c)) continue;
      // The joined header: 実績値 may be the block label over R2, R3, ….
      const own = c.own || c.key;
      const slot = TARGET.test(c.key)
        ? indicator.targets
        : ACTUAL.test(c.key)
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
