/** A calendar date without time or time zone (months and days are 1-based). */
export interface PlainDate {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  // Gregorian rule: every 4th year, except centuries not divisible by 400.
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * True for a real date in the proleptic Gregorian calendar. Years are limited to 1–9999
 * because that is what the four-digit ISO 8601 form can write.
 */
export function isValidDate(d: PlainDate): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.year >= 1 &&
    d.year <= 9999 &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

/** '2021-03-31'. Throws a RangeError for an invalid date rather than writing one. */
export function formatIsoDate(d: PlainDate): string {
  if (!isValidDate(d)) throw new RangeError(`Invalid date: ${JSON.stringify(d)}`);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses exactly 'YYYY-MM-DD' (no time, no trimming); null when malformed or not a real date. */
export function parseIsoDate(text: string): PlainDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(d) ? d : null;
}

/** Negative when a is earlier than b, 0 when equal, positive when later. */
export function compareDates(a: PlainDate, b: PlainDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The date n days after d (n may be negative). Throws a RangeError on invalid input. */
export function addDays(d: PlainDate, n: number): PlainDate {
  if (!isValidDate(d)) throw new RangeError(`Invalid date: ${JSON.stringify(d)}`);
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  // setUTCFullYear rather than Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(d.year, d.month - 1, d.day + n);
  const result = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  };
  if (!isValidDate(result)) throw new RangeError(`Date out of range: ${d.year}-${d.month} + ${n}`);
  return result;
}
