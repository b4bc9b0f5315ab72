import { isNumeric, type SheetColumn } from './sheet-columns.ts';
import { isBlank, isNumberText } from './sheet-text.ts';
import { moneyKind } from './suggest-finances.ts';
import type { SuggestionState } from './suggestion-parts.ts';

const DECIMALS: Record<string, number> = { 円: 0, 千円: 3, 百万円: 6 };

/** Whether an amount in `unit` is not a whole yen (1,355.3925 千円). */
function isSubYen(text: string, unit: string): boolean {
  const m = /\.(\d+)$/.exec(text.normalize('NFKC').replace(/,/g, '').trim());
  return m !== null && (m[1] ?? '').replace(/0+$/, '').length > (DECIMALS[unit] ?? 0);
}

/**
 * Rules for the cells of number columns (version 2): `rounding` when amounts have fractions of a
 * yen, and `emptyTokens` for words written where a number is missing (未定). Both are asked.
 */
export function suggestCellRules(state: SuggestionState, unit: string) {
  const numeric = state.columns.filter((c) => isNumeric(c));
  const money = numeric.filter((c) => moneyKind(c) !== null);
  const subYen = money.filter((c) => c.values.some((v) => isNumberText(v) && isSubYen(v, unit)));
  const words = new Map<string, SheetColumn[]>();
  for (const c of numeric)
    for (const v of new Set(c.values.map((x) => x.trim()))) {
      if (v === '' || isBlank(v) || isNumberText(v)) continue;
      words.set(v, [...(words.get(v) ?? []), c]);
    }
  const rules: { rounding?: 'round'; emptyTokens?: string[] } = {};
  if (subYen.length > 0) {
    rules.rounding = 'round';
    state.ask('suggest.rounding', { columns: subYen.map((c) => c.letter).join('、'), unit });
  }
  if (words.size > 0) {
    rules.emptyTokens = [...words.keys()];
    for (const [word, cols] of words)
      state.ask('suggest.empty-token', {
        word,
        columns: cols
          .slice(0, 6)
          .map((c) => c.letter)
          .join('、'),
      });
  }
  if (rules.rounding || rules.emptyTokens) state.v2 = true;
  return rules;
}
