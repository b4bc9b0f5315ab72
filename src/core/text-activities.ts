import { activityTitle } from './activity-notation.ts';
import type { FiscalYear } from './fiscal-year.ts';
import type { Activity } from './plan.ts';

/**
 * A free-text cell of a city's workbook (前年度実績, 今年度計画) as activities or results of one
 * fiscal year (mapping v2 "texts"). Cities write such cells as bulleted or numbered lines, or as
 * plain prose: a line that opens with a bullet or a number starts an item, the lines after it
 * continue it; a cell without any such line is one item.
 */
export type TextKind = 'activity' | 'result';

// ・ • ○ ● ◯ 〇 ■ □ ◆ ◇ - － *, ①…⑳ ㉑…㊿, 1. 1． 1) 1） (1) （1） 1、 (full-width digits too).
// A number needs its mark: `100 人が参加` and `1.5倍に` are words, not item numbers.
const ITEM_START =
  /^(?:[・•○●◯〇■□◆◇*＊－-]|[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|[(（][0-9０-９]{1,3}[)）]|[0-9０-９]{1,3}(?:[.．](?![0-9０-９])|[)）、]))\s*/;

/** The items of a cell: the words of each, without its bullet or number, in order. */
export function textItems(text: string): string[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (!lines.some((line) => ITEM_START.test(line))) {
    return lines.length === 0 ? [] : [lines.join(' ')];
  }
  const items: string[][] = [];
  for (const line of lines) {
    const start = ITEM_START.exec(line);
    const words = start ? line.slice(start[0].length).trim() : line;
    const current = items[items.length - 1];
    if (start || current === undefined) items.push(words === '' ? [] : [words]);
    else if (words !== '') current.push(words);
  }
  return items.map((parts) => parts.join(' ')).filter((item) => item !== '');
}

/**
 * The cell's items as activities (kind activity: ☐ items planned in the year) or as results
 * (kind result: one ▶ entry of the year each, on an activity of its own). Both belong to the
 * year they were written for, so the public sees them once that year is published.
 */
export function activitiesFromText(
  text: string,
  kind: TextKind,
  fiscalYear: FiscalYear,
): Activity[] {
  return textItems(text).map((item) =>
    kind === 'activity'
      ? {
          title: activityTitle(item),
          text: item,
          source: null,
          relistOf: null,
          entries: [],
          introducedIn: fiscalYear,
        }
      : {
          title: '',
          text: '',
          source: null,
          relistOf: null,
          entries: [{ kind: 'result', fiscalYear, yearLabel: null, text: item, kpi: false }],
          introducedIn: fiscalYear,
        },
  );
}
