import { after, before } from './around.ts';
import { counterAt, KANJI_COUNTERS } from './counters.ts';
import { isKanjiNumeral, NUMERAL, parseNumeral } from './numerals.ts';

/**
 * A number in a (masked) sentence and the counter written after it. Everything else in the
 * sentence is read by position: labels, qualifiers and notes sit around these tokens.
 */
export interface NumberToken {
  value: number;
  start: number;
  /** Where the numeral ends. */
  end: number;
  /** The counter or unit ('' when none: then the number is no metric, but may open a range). */
  unit: string;
  /** Where the counter ends (= end without one). */
  unitEnd: number;
  /** Written 50余名: more than the number. */
  approximate: boolean;
}

// Kanji before a kanji numeral that make it part of a word: 唯一, 統一, 同一, 万一, 単一.
const WORD_BEFORE_KANJI = /[唯統均同随万単]$/u;
// After 一 and its counter, kanji or katakana make a compound (一人暮らし, 一人親, 一件一件);
// ひとり too. Other numerals are followed by the noun they count (三名参加, 二件採択).
const WORD_AFTER_ONE = /^(?:[\p{Script=Han}\p{Script=Katakana}]|ひと)/u;

export function tokenize(masked: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const m of masked.matchAll(NUMERAL)) {
    const token = readToken(masked, m[0], m.index);
    if (token) tokens.push(token);
  }
  return tokens;
}

function readToken(text: string, raw: string, start: number): NumberToken | null {
  const end = start + raw.length;
  // 1,200千円 and 3万円 keep the unit as written: value 1200, unit 千円.
  const money = /^([\d,.]+)(千|万|百万|億)$/u.exec(raw);
  if (money && text[end] === '円') {
    const value = parseNumeral(money[1] as string);
    if (value === null) return null;
    const at = start + (money[1] as string).length;
    return { value, start, end: at, unit: `${money[2]}円`, unitEnd: end + 1, approximate: false };
  }
  const value = parseNumeral(raw);
  if (value === null || text[end] === '数') return null;
  const approximate = text[end] === '余' && counterAt(text, end + 1) !== null;
  const unitStart = approximate ? end + 1 : end;
  const unit = counterAt(text, unitStart) ?? '';
  const unitEnd = unitStart + unit.length;
  // 3回目 is an ordinal, 3歳児 an age, 1件あたり and 1日平均 are rates.
  if (/^(?:[目児毎]|あたり|当たり|につき|ごと|平均)/u.test(after(text, unitEnd))) return null;
  // 一件も…ない says none: no figure of one.
  if (value === 1 && text[unitEnd] === 'も') return null;
  if (isKanjiNumeral(raw)) {
    if (!KANJI_COUNTERS.has(unit) || WORD_BEFORE_KANJI.test(before(text, start))) return null;
    if (raw === '一' && WORD_AFTER_ONE.test(after(text, unitEnd))) return null;
  }
  return { value, start, end, unit, unitEnd, approximate };
}
