import { isTextual, type SheetColumn } from './sheet-columns.ts';
import { isBlank, yearOf } from './sheet-text.ts';
import { named, type SuggestedRef, type SuggestionState } from './suggestion-parts.ts';

export interface SuggestedText {
  fiscalYear: number;
  kind: 'result' | 'activity';
  column: SuggestedRef;
}

const RESULT = /実績|成果|結果/;
const ACTIVITY = /計画|予定|取組|取り組み/;
/** Evaluation and indicator columns say 結果 or 成果 too; they are read elsewhere. */
const NOT_TEXT = /評価|方向性|方針|指標|KPI|所見|コメント|理由|意見|課題/i;
/** Years relative to the sheet's: 前年度実績 is the year before it. */
const RELATIVE: [RegExp, number][] = [
  [/前年度|昨年度|前年/, -1],
  [/今年度|本年度|当年度/, 0],
  [/次年度|来年度|翌年度/, 1],
];

/** Free text, not a short label: a cell of several lines, or of a sentence's length. */
function isLongText(c: SheetColumn): boolean {
  if (!isTextual(c)) return false;
  const texts = c.values.filter((v) => !isBlank(v));
  const chars = texts.reduce((n, v) => n + v.trim().length, 0);
  return texts.some((v) => v.trim().includes('\n')) || chars / texts.length >= 12;
}

/**
 * Result and plan texts (前年度実績, 今年度計画, 令和4年度の成果): long free-text columns read as
 * results (実績・成果・結果) or planned activities (計画・予定・取組). Their year is the one the
 * header or its block names; else it is counted from `latest`, the sheet's year (results: the
 * year before), and asked.
 */
export function suggestTexts(state: SuggestionState, latest: number | null): SuggestedText[] {
  const out: SuggestedText[] = [];
  for (const c of state.free().filter(isLongText)) {
    if (NOT_TEXT.test(c.key)) continue;
    const kind = RESULT.test(c.key) ? 'result' : ACTIVITY.test(c.key) ? 'activity' : null;
    if (!kind) continue;
    const yearNamed = yearOf(c.key);
    const offset = RELATIVE.find(([re]) => re.test(c.key))?.[1] ?? (kind === 'result' ? -1 : 0);
    const fiscalYear = yearNamed ?? (latest === null ? null : latest + offset);
    if (fiscalYear === null) {
      state.ask('suggest.text-year-missing', { column: named(c) });
      continue;
    }
    if (yearNamed === null)
      state.ask(`suggest.${kind}-year-assumed`, { column: named(c), year: fiscalYear });
    state.v2 = true;
    out.push({ fiscalYear, kind, column: state.ref(c) });
  }
  return out;
}
