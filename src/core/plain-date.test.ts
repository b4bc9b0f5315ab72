import { describe, expect, it } from 'vitest';
import { addDays, compareDates, formatIsoDate, isValidDate, parseIsoDate } from './plain-date.ts';

describe('isValidDate', () => {
  it('accepts real dates', () => {
    expect(isValidDate({ year: 2021, month: 3, day: 31 })).toBe(true);
    expect(isValidDate({ year: 2021, month: 12, day: 31 })).toBe(true);
    expect(isValidDate({ year: 2021, month: 1, day: 1 })).toBe(true);
  });

  it('applies the Gregorian leap-year rule', () => {
    expect(isValidDate({ year: 2020, month: 2, day: 29 })).toBe(true);
    expect(isValidDate({ year: 2021, month: 2, day: 29 })).toBe(false);
    expect(isValidDate({ year: 1900, month: 2, day: 29 })).toBe(false);
    expect(isValidDate({ year: 2000, month: 2, day: 29 })).toBe(true);
  });

  it('rejects impossible fields', () => {
    expect(isValidDate({ year: 2021, month: 4, day: 31 })).toBe(false);
    expect(isValidDate({ year: 2021, month: 13, day: 1 })).toBe(false);
    expect(isValidDate({ year: 2021, month: 0, day: 1 })).toBe(false);
    expect(isValidDate({ year: 2021, month: 1, day: 0 })).toBe(false);
    expect(isValidDate({ year: 2021, month: 1.5, day: 1 })).toBe(false);
    expect(isValidDate({ year: Number.NaN, month: 1, day: 1 })).toBe(false);
    expect(isValidDate({ year: 0, month: 1, day: 1 })).toBe(false);
    expect(isValidDate({ year: 10000, month: 1, day: 1 })).toBe(false);
  });
});

describe('formatIsoDate / parseIsoDate', () => {
  it('formats with zero padding', () => {
    expect(formatIsoDate({ year: 2021, month: 3, day: 31 })).toBe('2021-03-31');
    expect(formatIsoDate({ year: 987, month: 1, day: 2 })).toBe('0987-01-02');
  });

  it('refuses to format an invalid date', () => {
    expect(() => formatIsoDate({ year: 2021, month: 2, day: 30 })).toThrow(RangeError);
  });

  it('parses and round-trips', () => {
    expect(parseIsoDate('2021-03-31')).toEqual({ year: 2021, month: 3, day: 31 });
    expect(formatIsoDate(parseIsoDate('2020-02-29') ?? { year: 0, month: 0, day: 0 })).toBe(
      '2020-02-29',
    );
  });

  it('rejects malformed or impossible text', () => {
    expect(parseIsoDate('2021-02-29')).toBeNull();
    expect(parseIsoDate('2021-3-31')).toBeNull();
    expect(parseIsoDate('2021/03/31')).toBeNull();
    expect(parseIsoDate('2021-03-31T00:00:00Z')).toBeNull();
    expect(parseIsoDate(' 2021-03-31')).toBeNull();
    expect(parseIsoDate('0000-01-01')).toBeNull();
    expect(parseIsoDate('')).toBeNull();
  });
});

describe('compareDates', () => {
  const d = (year: number, month: number, day: number) => ({ year, month, day });

  it('orders by year, then month, then day', () => {
    expect(compareDates(d(2021, 3, 31), d(2021, 4, 1))).toBeLessThan(0);
    expect(compareDates(d(2022, 1, 1), d(2021, 12, 31))).toBeGreaterThan(0);
    expect(compareDates(d(2021, 5, 2), d(2021, 5, 1))).toBeGreaterThan(0);
    expect(compareDates(d(2021, 5, 1), d(2021, 5, 1))).toBe(0);
  });

  it('sorts an array', () => {
    const dates = [d(2020, 1, 2), d(2019, 12, 31), d(2020, 1, 1)];
    expect(dates.sort(compareDates).map(formatIsoDate)).toEqual([
      '2019-12-31',
      '2020-01-01',
      '2020-01-02',
    ]);
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays({ year: 2021, month: 3, day: 31 }, 1)).toEqual({ year: 2021, month: 4, day: 1 });
    expect(addDays({ year: 2019, month: 4, day: 30 }, 1)).toEqual({ year: 2019, month: 5, day: 1 });
    expect(addDays({ year: 2020, month: 12, day: 31 }, 1)).toEqual({
      year: 2021,
      month: 1,
      day: 1,
    });
    expect(addDays({ year: 2020, month: 2, day: 28 }, 1)).toEqual({
      year: 2020,
      month: 2,
      day: 29,
    });
    expect(addDays({ year: 2021, month: 2, day: 28 }, 1)).toEqual({ year: 2021, month: 3, day: 1 });
  });

  it('goes backwards and by zero', () => {
    expect(addDays({ year: 2021, month: 1, day: 1 }, -1)).toEqual({
      year: 2020,
      month: 12,
      day: 31,
    });
    expect(addDays({ year: 2021, month: 1, day: 1 }, 0)).toEqual({ year: 2021, month: 1, day: 1 });
    expect(addDays({ year: 2020, month: 4, day: 1 }, 365)).toEqual({
      year: 2021,
      month: 4,
      day: 1,
    });
  });

  it('handles years below 100 (where Date.UTC would jump to 19xx)', () => {
    expect(addDays({ year: 50, month: 12, day: 31 }, 1)).toEqual({ year: 51, month: 1, day: 1 });
  });

  it('rejects invalid input and results outside 1–9999', () => {
    expect(() => addDays({ year: 2021, month: 2, day: 30 }, 1)).toThrow(RangeError);
    expect(() => addDays({ year: 2021, month: 1, day: 1 }, 0.5)).toThrow(RangeError);
    expect(() => addDays({ year: 9999, month: 12, day: 31 }, 1)).toThrow(RangeError);
  });
});
