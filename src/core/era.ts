import { toHalfWidth } from './half-width.ts';
import { compareDates, isValidDate, type PlainDate } from './plain-date.ts';

export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和';

export interface Era {
  name: EraName;
  abbr: 'M' | 'T' | 'S' | 'H' | 'R';
  /** First day of the era (Gregorian). */
  start: PlainDate;
}

const era = (name: EraName, abbr: Era['abbr'], year: number, month: number, day: number): Era =>
  Object.freeze({ name, abbr, start: Object.freeze({ year, month, day }) });

/**
 * The modern eras, oldest first.
 *
 * 明治 starts on 1868-10-23, the day of the 改元の詔 (Meiji 1.9.8 in the lunisolar calendar).
 * The edict made the name retroactive to Keiō 4.1.1 (1868-01-25), but no document could carry
 * 明治 before it existed, and the retroactive day is a lunisolar date anyway. Note that wareki
 * dates before 明治6年 (1873), when Japan adopted the Gregorian calendar, were lunisolar; this
 * module maps every era year to Gregorian month/day, which is only historically exact from 1873.
 * Later starts are the days the new era took effect (大正 and 昭和 on the accession day, 平成 the
 * day after, 令和 by the 2019 abdication law).
 */
export const ERAS: readonly Era[] = Object.freeze([
  era('明治', 'M', 1868, 10, 23),
  era('大正', 'T', 1912, 7, 30),
  era('昭和', 'S', 1926, 12, 25),
  era('平成', 'H', 1989, 1, 8),
  era('令和', 'R', 2019, 5, 1),
]);

/** Finds an era by name ('令和') or Latin abbreviation ('R', 'r', 'Ｒ'); null when unknown. */
export function findEra(nameOrAbbr: string): Era | null {
  const text = toHalfWidth(nameOrAbbr).trim();
  const upper = text.toUpperCase();
  return ERAS.find((e) => e.name === text || e.abbr === upper) ?? null;
}

/** The era in force on d; null before 明治 began or for an invalid date. */
export function eraOfDate(d: PlainDate): Era | null {
  if (!isValidDate(d)) return null;
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const e = ERAS[i];
    if (e && compareDates(d, e.start) >= 0) return e;
  }
  return null;
}

/**
 * Gregorian year of an era year: year 1 is the year the era began (R1 = 2019). Years past the
 * era's end are computed too (H32 = 2020), since plans projected them; callers decide whether to
 * accept them. Throws a RangeError unless eraYear is a positive integer.
 */
export function eraYearToGregorian(era: Era, eraYear: number): number {
  if (!Number.isInteger(eraYear) || eraYear < 1) {
    throw new RangeError(`Not an era year: ${eraYear}`);
  }
  return era.start.year + eraYear - 1;
}

/** The era and era year of a date (2019-04-30 → 平成31, 2019-05-01 → 令和1); null before 明治. */
export function gregorianToEraYear(d: PlainDate): { era: Era; year: number } | null {
  const e = eraOfDate(d);
  return e ? { era: e, year: d.year - e.start.year + 1 } : null;
}

/**
 * Parses the year part of a wareki: '元' (the first year, 元年) or ASCII digits ('3', '03');
 * null for anything else, including 0. Shared by the wareki date and fiscal-year parsers.
 */
export function parseEraYear(text: string): number | null {
  if (text === '元') return 1;
  if (!/^\d{1,4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 1 ? year : null;
}
