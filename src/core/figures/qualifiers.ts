import { after, before } from './around.ts';

/**
 * The words around a number that say how to take it: 約50名 and 50名程度 are approximate,
 * 延べ120人 a total over occasions, 累計42件 a running sum. Words before the number are read
 * backwards from it, words after it forwards from its counter.
 */
export interface Qualifiers {
  approximate: boolean;
  total: boolean;
  cumulative: boolean;
}

const BEFORE: readonly (readonly [string, keyof Qualifiers])[] = [
  ['およそ', 'approximate'],
  ['おおむね', 'approximate'],
  ['概ね', 'approximate'],
  ['約', 'approximate'],
  ['延べで', 'total'],
  ['延べ', 'total'],
  ['のべ', 'total'],
  ['延', 'total'],
  ['累計で', 'cumulative'],
  ['累計', 'cumulative'],
];

// 約 ends many words (成約, 契約, 予約, 集約): after these it is no 'about'.
const WORD_BEFORE_YAKU = /[成契予集要節制規条公誓解違確]/u;

const APPROXIMATE_AFTER = /^\s*(?:程度|以上|余り|あまり|超|ほど|前後|強|弱|近く)/u;
const CUMULATIVE_AFTER = /^\s*\(累計\)/u;

/** Reads the qualifiers written just before `pos` (not before `floor`); returns where they start. */
export function qualifiersBefore(
  text: string,
  pos: number,
  floor: number,
  into: Qualifiers,
): number {
  let start = pos;
  for (;;) {
    let i = start;
    while (i > floor && text[i - 1] === ' ') i--;
    const found = BEFORE.find(([w]) => i - w.length >= floor && text.startsWith(w, i - w.length));
    if (!found || (found[0] === '約' && WORD_BEFORE_YAKU.test(text[i - 2] ?? ''))) return start;
    into[found[1]] = true;
    start = i - found[0].length;
  }
}

/** Reads the qualifiers written just after `pos`; returns where they end. */
export function qualifiersAfter(text: string, pos: number, into: Qualifiers): number {
  let i = pos;
  for (;;) {
    const rest = after(text, i);
    const approximate = APPROXIMATE_AFTER.exec(rest);
    const cumulative = CUMULATIVE_AFTER.exec(rest);
    if (approximate) into.approximate = true;
    else if (cumulative) into.cumulative = true;
    else return i;
    i += (approximate ?? cumulative)?.[0].length ?? 0;
  }
}

/**
 * What may stand between a label and its number: a particle (参加者は78名, 応募が5件), a colon
 * (参加者：78名), spaces (セミナー参加者　62名) and the year it reports (移住者数 R2:36人).
 */
export function separatorBefore(text: string, pos: number, floor: number): number {
  const gap = /[\s:\uE000]*[はが]?[\s:\uE000]*$/u.exec(before(text, pos, 32, floor))?.[0] ?? '';
  return pos - gap.length;
}
