import { ERAS, type Era, eraYearToGregorian, findEra, parseEraYear } from './era.ts';
import { toHalfWidth } from './half-width.ts';
import type { PlainDate } from './plain-date.ts';

/**
 * A Japanese fiscal year (会計年度, 地方自治法 第208条: 1 April to 31 March), identified by the
 * Gregorian year in which it starts: FY 2020 = 令和2年度 = 2020-04-01 to 2021-03-31.
 */
export type FiscalYear = number;

/** The earliest fiscal year that has an era name (明治 began in 1868). */
const FIRST_FISCAL_YEAR = 1868;

export function fiscalYearOfDate(d: PlainDate): FiscalYear {
  return d.month >= 4 ? d.year : d.year - 1;
}

export function fiscalYearRange(fy: FiscalYear): { start: PlainDate; end: PlainDate } {
  return { start: { year: fy, month: 4, day: 1 }, end: { year: fy + 1, month: 3, day: 31 } };
}

// 'R2', 'R02', 'R元', '令和2年度', '令和2年' (table headers often omit 度).
const ERA_YEAR = /^(?<era>明治|大正|昭和|平成|令和|[A-Za-z])\s*(?<year>元|\d{1,2})\s*(?:年度?)?$/;
// '2020', '2020年度', '2020年', 'FY2020'.
const WESTERN_YEAR = /^(?:FY\s*(?<fy>\d{4})|(?<year>\d{4})\s*(?:年度?)?)$/i;

/**
 * Parses a fiscal year written in an era ('令和2年度', 'R2') or in Western years ('2020年度',
 * 'FY2020'), in full- or half-width characters; null when it is not one.
 *
 * Era years past the era's end are accepted and counted on: plans written before 2019 projected
 * 平成 years that never happened (平成32年度 = FY 2020), and 平成31年度 is how documents drafted
 * before the 2019 change name FY 2019.
 */
export function parseFiscalYear(text: string): FiscalYear | null {
  const normalized = toHalfWidth(text).trim();
  const era = ERA_YEAR.exec(normalized)?.groups;
  if (era) {
    const found = findEra(era.era ?? '');
    const eraYear = parseEraYear(era.year ?? '');
    return found && eraYear !== null ? eraYearToGregorian(found, eraYear) : null;
  }
  const western = WESTERN_YEAR.exec(normalized)?.groups;
  if (!western) return null;
  const year = Number(western.fy ?? western.year);
  return year >= FIRST_FISCAL_YEAR ? year : null;
}

/**
 * The era a fiscal year is named in: the newest era that began in or before the calendar year
 * in which the fiscal year starts. So FY 2019 is 令和元年度 (the government renamed 平成31年度
 * when 令和 began on 1 May), FY 1989 is 平成元年度, and FY 1988, which ended after 平成 began in
 * January 1989, stays 昭和63年度.
 */
function eraOfFiscalYear(fy: FiscalYear): { era: Era; year: number } {
  if (!Number.isInteger(fy)) throw new RangeError(`Not a fiscal year: ${fy}`);
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const era = ERAS[i];
    if (era && era.start.year <= fy) return { era, year: fy - era.start.year + 1 };
  }
  throw new RangeError(`No Japanese era for fiscal year ${fy}`);
}

/**
 * '令和2年度' (long), 'R2' (short), '令和2年度 (R2)' (both) or '2020年度' (western). The first year
 * of an era is '元' in long style (令和元年度) and '1' in short style (R1).
 * Throws a RangeError for a non-integer year or one before 明治.
 */
export function formatFiscalYear(
  fy: FiscalYear,
  style: 'long' | 'short' | 'both' | 'western',
): string {
  const { era, year } = eraOfFiscalYear(fy);
  const long = `${era.name}${year === 1 ? '元' : year}年度`;
  const short = `${era.abbr}${year}`;
  switch (style) {
    case 'long':
      return long;
    case 'short':
      return short;
    case 'both':
      return `${long} (${short})`;
    case 'western':
      return `${fy}年度`;
  }
}

/** Every fiscal year from first to last inclusive; empty when last is before first. */
export function fiscalYearsBetween(first: FiscalYear, last: FiscalYear): FiscalYear[] {
  if (!Number.isInteger(first) || !Number.isInteger(last)) {
    throw new RangeError(`Not fiscal years: ${first}, ${last}`);
  }
  const years: FiscalYear[] = [];
  for (let fy = first; fy <= last; fy++) years.push(fy);
  return years;
}
