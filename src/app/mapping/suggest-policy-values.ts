import type { SheetColumn } from './sheet-columns.ts';
import { isBlank } from './sheet-text.ts';
import { named, type SuggestionState } from './suggestion-parts.ts';

/**
 * Words a city writes for one 今後の方針, most usual first. A cell's words are placed in the
 * group whose word they contain; the group's policy is the first accepted word among them.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['継続', '現状維持', '維持'],
  ['拡充', '拡大', '発展', '充実'],
  ['改善', '見直し'],
  ['縮小', '縮減'],
  ['廃止', '中止', '休止'],
  ['終了', '完了'],
];

/** A choice of a list is a word or two (廃止・休止), and a list has a handful of them. */
const MAX_CHOICE = 10;
const MAX_CHOICES = 15;

/** 「１ 現状維持」「2. 改善」「(3)縮小」 → the words after the number. */
const wordsOf = (text: string) =>
  text
    .normalize('NFKC')
    .trim()
    .replace(/^[(（]?\d+[)）.．、:：]?\s*/, '')
    .trim();

/** The accepted policy a cell's words stand for, or null when none or several could. */
export function placePolicy(text: string, accepted: readonly string[]): string | null {
  const words = wordsOf(text);
  if (accepted.includes(words)) return words;
  const groups = GROUPS.filter((g) => g.some((w) => words.includes(w)));
  if (groups.length !== 1) return null;
  const group = groups[0] as readonly string[];
  return accepted.find((p) => group.includes(p)) ?? null;
}

/** Whether most of a column's values read as policies (an 評価 column holding 「１ 継続」). */
export function looksLikePolicies(c: SheetColumn, accepted: readonly string[]): boolean {
  const values = [...new Set(c.values.filter((v) => !isBlank(v)).map((v) => v.trim()))];
  const placed = values.filter((v) => placePolicy(v, GROUPS.flat()) !== null);
  return values.length > 0 && placed.length / values.length >= 0.5 && accepted.length > 0;
}

/**
 * The value map of a policy column: each distinct value of the sample rows to the accepted
 * word it stands for. None when every value already is an accepted word. A value it cannot
 * place is asked (and left out, so the import names any cell holding it).
 */
export function policyValues(
  state: SuggestionState,
  c: SheetColumn,
  accepted: readonly string[],
): Record<string, string> | undefined {
  const values = [...new Set(c.values.filter((v) => !isBlank(v)).map((v) => v.trim()))];
  if (values.every((v) => accepted.includes(v))) return undefined;
  // Sentences (「引き続き事業を継続する」) are a written policy, kept as written: not a choice.
  if (values.some((v) => wordsOf(v).length > MAX_CHOICE) || values.length > MAX_CHOICES)
    return undefined;
  const map: Record<string, string> = {};
  for (const value of values) {
    const policy = placePolicy(value, accepted);
    if (policy === null)
      state.ask('suggest.policy-unplaced', {
        column: named(c),
        value,
        words: accepted.join('、'),
      });
    else map[value] = policy;
  }
  state.v2 = true;
  const pairs = Object.entries(map).map(([from, to]) => `${from} → ${to}`);
  if (pairs.length > 0)
    state.ask('suggest.policy-values', { column: named(c), pairs: pairs.join('、') });
  return map;
}
