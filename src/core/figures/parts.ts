import type { LocatedMetric } from './read-figures.ts';

/**
 * Sets partOf: a figure in brackets right after another figure in the same unit is part of it
 * (`参加者13名(男6名、女7名)`, `4件(導入3件、開発1件)`), and so is a figure after うち
 * (`就職者3名(うち室蘭市内企業2名)`, `5件応募、うち2件最終審査会`): part of the last figure
 * that is no part itself. An unlabelled whole gives partOf ''.
 */
export function partsOf(text: string, metrics: LocatedMetric[]): void {
  const openAt = innermostOpenBrackets(text);
  // Figures by where they end (trailing spaces skipped), to find the one a bracket follows.
  const endingAt = new Map<number, LocatedMetric>();
  let lastWhole: LocatedMetric | undefined;
  let previousEnd = 0;
  for (const m of metrics) {
    const open = openAt[m.index] ?? -1;
    const beforeBracket = open < 0 ? undefined : endingAt.get(trimBack(text, open));
    const byBracket = beforeBracket?.unit === m.unit && partLike(m) ? beforeBracket : undefined;
    const byUchi = UCHI.test(text.slice(previousEnd, m.index)) ? lastWhole : undefined;
    const whole = byBracket ?? byUchi;
    if (whole) m.partOf = whole.label;
    else lastWhole = m;
    endingAt.set(m.end, m);
    previousEnd = m.end;
  }
}

// うち, then perhaps a 、 and the part's own noun, right before the number.
const UCHI = /うち[、,\s]*[^\s、,()]{0,40}$/u;

/**
 * A bracketed figure in the same unit is a breakdown, unless it is a running sum (累計31件), an
 * average or a ratio (1日平均9.4人, 前年度比2.1ポイント) or the figure of an earlier period
 * (前年度41件, 前年度末1,870人): those describe or compare the whole, not a part of it.
 */
function partLike(m: LocatedMetric): boolean {
  return !m.cumulative && !/平均|比|率|前年|昨年|前回|前期/u.test(m.label);
}

/** For each position, the innermost bracket open there (-1 for none), in one pass. */
function innermostOpenBrackets(text: string): Int32Array {
  const at = new Int32Array(text.length + 1).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    at[i] = open.at(-1) ?? -1;
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') open.pop();
  }
  at[text.length] = open.at(-1) ?? -1;
  return at;
}

/** `pos` moved back over spaces. */
function trimBack(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && /\s/u.test(text[i - 1] as string)) i--;
  return i;
}
