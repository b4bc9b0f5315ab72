import { eraOfDate, eraYearToGregorian, findEra, gregorianToEraYear, parseEraYear } from './era.ts';
import { toHalfWidth } from './half-width.ts';
import { isValidDate, type PlainDate } from './plain-date.ts';

// '令和3年3月31日', '令和元年5月1日' (the era may also be written as its letter).
const LONG =
  /^(?<era>明治|大正|昭和|平成|令和|[A-Za-z])\s*(?<year>元|\d{1,2})\s*年\s*(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*日$/;
// 'R3.3.31', 'R03/03/31', 'R元.5.1': one separator, used twice.
const SHORT =
  /^(?<era>明治|大正|昭和|平成|令和|[A-Za-z])\s*(?<year>元|\d{1,2})(?<sep>[./-])(?<month>\d{1,2})\k<sep>(?<day>\d{1,2})$/;

/**
 * Parses a Japanese-era date, in short ('R3.3.31') or long ('令和3年3月31日') form, in full-width
 * or half-width characters. Null unless the date exists and the era was in force on that day:
 * R1.4.30 is before 令和 began and H31.5.1 is after it (that day is R1.5.1).
 */
export function parseWarekiDate(text: string): PlainDate | null {
  const normalized = toHalfWidth(text).trim();
  const groups = (LONG.exec(normalized) ?? SHORT.exec(normalized))?.groups;
  if (!groups) return null;
  const era = findEra(groups.era ?? '');
  const eraYear = parseEraYear(groups.year ?? '');
  if (!era || eraYear === null) return null;
  const date = {
    year: eraYearToGregorian(era, eraYear),
    month: Number(groups.month),
    day: Number(groups.day),
  };
  if (!isValidDate(date) || eraOfDate(date)?.name !== era.name) return null;
  return date;
}

/**
 * 'R3.3.31' (short) or '令和3年3月31日' (long). The first year is written '元' in long style, as
 * official documents do (令和元年5月1日), and '1' in short style, where a digit is expected.
 * Throws a RangeError for an invalid date or one before 明治.
 */
export function formatWarekiDate(d: PlainDate, style: 'short' | 'long'): string {
  const eraYear = gregorianToEraYear(d);
  if (!eraYear) throw new RangeError(`No Japanese era for ${JSON.stringify(d)}`);
  const { era, year } = eraYear;
  if (style === 'short') return `${era.abbr}${year}.${d.month}.${d.day}`;
  return `${era.name}${year === 1 ? '元' : year}年${d.month}月${d.day}日`;
}
