import { describe, expect, it } from 'vitest';
import {
  fiscalYearOfDate,
  fiscalYearRange,
  fiscalYearsBetween,
  formatFiscalYear,
  parseFiscalYear,
} from './fiscal-year.ts';

describe('fiscalYearOfDate', () => {
  it('switches on 1 April', () => {
    expect(fiscalYearOfDate({ year: 2021, month: 3, day: 31 })).toBe(2020);
    expect(fiscalYearOfDate({ year: 2021, month: 4, day: 1 })).toBe(2021);
    expect(fiscalYearOfDate({ year: 2021, month: 1, day: 1 })).toBe(2020);
    expect(fiscalYearOfDate({ year: 2020, month: 12, day: 31 })).toBe(2020);
  });
});

describe('fiscalYearRange', () => {
  it('runs from 1 April to 31 March of the next year', () => {
    expect(fiscalYearRange(2020)).toEqual({
      start: { year: 2020, month: 4, day: 1 },
      end: { year: 2021, month: 3, day: 31 },
    });
  });

  it('contains exactly the dates fiscalYearOfDate assigns to it', () => {
    const { start, end } = fiscalYearRange(2023);
    expect(fiscalYearOfDate(start)).toBe(2023);
    expect(fiscalYearOfDate(end)).toBe(2023);
  });
});

describe('parseFiscalYear', () => {
  it.each([
    ['R2', 2020],
    ['Ｒ２', 2020],
    ['R02', 2020],
    ['r2', 2020],
    ['R 2', 2020],
    ['令和2年度', 2020],
    ['令和２年度', 2020],
    ['令和元年度', 2019],
    ['R元', 2019],
    ['R1', 2019],
    ['令和2年', 2020],
    ['R2年度', 2020],
    ['2020', 2020],
    ['2020年度', 2020],
    ['２０２０年度', 2020],
    ['FY2020', 2020],
    ['fy 2020', 2020],
    [' 令和2年度 ', 2020],
    ['H31', 2019],
    ['平成31年度', 2019],
    ['H32', 2020],
    ['平成32年度', 2020],
    ['H元', 1989],
    ['S63', 1988],
    ['昭和64年度', 1989],
  ])('%s → %i', (text, fy) => {
    expect(parseFiscalYear(text)).toBe(fy);
  });

  it.each([
    '',
    '   ',
    'R0',
    'R00',
    'X2',
    '令和2年度度',
    '令和',
    'R',
    '令和2年度 (R2)',
    'FY2020年度',
    '20',
    '202',
    '1867',
    'R2.3',
    '令和-2年度',
  ])('rejects %j', (text) => {
    expect(parseFiscalYear(text)).toBeNull();
  });
});

describe('formatFiscalYear', () => {
  it('writes each style', () => {
    expect(formatFiscalYear(2020, 'long')).toBe('令和2年度');
    expect(formatFiscalYear(2020, 'short')).toBe('R2');
    expect(formatFiscalYear(2020, 'both')).toBe('令和2年度 (R2)');
    expect(formatFiscalYear(2020, 'western')).toBe('2020年度');
  });

  it('names FY 2019 令和元年度, not 平成31年度', () => {
    expect(formatFiscalYear(2019, 'long')).toBe('令和元年度');
    expect(formatFiscalYear(2019, 'short')).toBe('R1');
    expect(formatFiscalYear(2019, 'both')).toBe('令和元年度 (R1)');
  });

  it('names FY 1989 平成元年度 and FY 1988 昭和63年度', () => {
    expect(formatFiscalYear(1989, 'long')).toBe('平成元年度');
    expect(formatFiscalYear(1988, 'long')).toBe('昭和63年度');
    expect(formatFiscalYear(1988, 'short')).toBe('S63');
    expect(formatFiscalYear(1926, 'long')).toBe('昭和元年度');
    expect(formatFiscalYear(1925, 'long')).toBe('大正14年度');
  });

  it('round-trips through parseFiscalYear in every style', () => {
    for (let fy = 1900; fy <= 2040; fy++) {
      for (const style of ['long', 'short', 'western'] as const) {
        expect(parseFiscalYear(formatFiscalYear(fy, style))).toBe(fy);
      }
    }
  });

  it('throws before 明治 and for non-integers', () => {
    expect(() => formatFiscalYear(1867, 'long')).toThrow(RangeError);
    expect(() => formatFiscalYear(2020.5, 'short')).toThrow(RangeError);
  });
});

describe('fiscalYearsBetween', () => {
  it('is inclusive at both ends', () => {
    expect(fiscalYearsBetween(2020, 2024)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(fiscalYearsBetween(2020, 2020)).toEqual([2020]);
  });

  it('is empty when the range is reversed', () => {
    expect(fiscalYearsBetween(2024, 2020)).toEqual([]);
  });

  it('rejects non-integers', () => {
    expect(() => fiscalYearsBetween(2020, Number.NaN)).toThrow(RangeError);
  });
});
