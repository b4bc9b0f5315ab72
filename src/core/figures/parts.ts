import type { LocatedMetric } from './read-figures.ts';

/**
 * Sets partOf: a figure in brackets right after another figure in the same unit is part of it
 * (`参加者13名(男6名、女7名)`, `4件(導入3件、開発1件)`), and so is a figure after うち
 * (`就職者3名(うち室蘭市内企業2名)`, `5件応募、うち2件最終審査会`): part of the last figure
 * that is no part itself. An unlabelled whole gives partOf ''.
 */
export function partsOf(text: string, metrics: LocatedMetric[]): void {
  for (const [i, m] of metrics.entries()) {
    const earlier = metrics.slice(0, i);
    const open = openBracketBefore(text, m.index);
    const byBracket =
      open === null || !partLike(m)
        ? undefined
        : earlier.find((p) => p.unit === m.unit && text.slice(p.end, open).trim() === '');
    const byUchi = /うち[、,\s]*[^\s、,()]*$/u.test(labelRegion(text, m, earlier.at(-1)))
      ? earlier.findLast((p) => p.partOf === null)
      : undefined;
    const whole = byBracket ?? byUchi;
    if (whole) m.partOf = whole.label;
  }
}

/**
 * A bracketed figure in the same unit is a breakdown, unless it is a running sum (累計31件), an
 * average or a ratio (1日平均9.4人, 前年度比2.1ポイント): those describe the whole, not a part.
 */
function partLike(m: LocatedMetric): boolean {
  return !m.cumulative && !/平均|比|率/u.test(m.label);
}

/** The innermost bracket still open at `pos`, or null. */
function openBracketBefore(text: string, pos: number): number | null {
  const open: number[] = [];
  for (let i = 0; i < pos; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') open.pop();
  }
  return open.at(-1) ?? null;
}

/** The text between the previous figure (or the phrase's start) and this figure's number. */
function labelRegion(text: string, m: LocatedMetric, previous: LocatedMetric | undefined): string {
  return text.slice(previous?.end ?? 0, m.index);
}
