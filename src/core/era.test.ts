import { describe, expect, it } from 'vitest';
import {
  ERAS,
  type Era,
  eraOfDate,
  eraYearToGregorian,
  findEra,
  gregorianToEraYear,
  parseEraYear,
} from './era.ts';

function mustFind(name: string): Era {
  const e = findEra(name);
  if (!e) throw new Error(`no era ${name}`);
  return e;
}

describe('ERAS', () => {
  it('lists the five modern eras oldest first', () => {
    expect(ERAS.map((e) => `${e.name}${e.abbr}`)).toEqual([
      '明治M',
      '大正T',
      '昭和S',
      '平成H',
      '令和R',
    ]);
  });

  it('has the documented start dates', () => {
    expect(ERAS.map((e) => e.start)).toEqual([
      { year: 1868, month: 10, day: 23 },
      { year: 1912, month: 7, day: 30 },
      { year: 1926, month: 12, day: 25 },
      { year: 1989, month: 1, day: 8 },
      { year: 2019, month: 5, day: 1 },
    ]);
  });
});

describe('findEra', () => {
  it('accepts names and abbreviations in any width and case', () => {
    for (const text of ['令和', 'R', 'r', 'Ｒ', 'ｒ', ' R ']) {
      expect(findEra(text)?.name).toBe('令和');
    }
    expect(findEra('平成')?.abbr).toBe('H');
    expect(findEra('s')?.name).toBe('昭和');
    expect(findEra('T')?.name).toBe('大正');
    expect(findEra('M')?.name).toBe('明治');
  });

  it('returns null for unknown eras', () => {
    expect(findEra('X')).toBeNull();
    expect(findEra('')).toBeNull();
    expect(findEra('慶応')).toBeNull();
    expect(findEra('RR')).toBeNull();
    expect(findEra('令')).toBeNull();
  });
});

describe('eraOfDate', () => {
  const name = (year: number, month: number, day: number) =>
    eraOfDate({ year, month, day })?.name ?? null;

  it('switches on the first day of each era', () => {
    expect(name(2019, 4, 30)).toBe('平成');
    expect(name(2019, 5, 1)).toBe('令和');
    expect(name(1989, 1, 7)).toBe('昭和');
    expect(name(1989, 1, 8)).toBe('平成');
    expect(name(1926, 12, 24)).toBe('大正');
    expect(name(1926, 12, 25)).toBe('昭和');
    expect(name(1912, 7, 29)).toBe('明治');
    expect(name(1912, 7, 30)).toBe('大正');
    expect(name(1868, 10, 23)).toBe('明治');
  });

  it('returns null before Meiji and for invalid dates', () => {
    expect(name(1868, 10, 22)).toBeNull();
    expect(name(1700, 1, 1)).toBeNull();
    expect(name(2021, 2, 30)).toBeNull();
  });
});

describe('eraYearToGregorian', () => {
  it('maps year 1 to the starting year', () => {
    expect(eraYearToGregorian(mustFind('R'), 1)).toBe(2019);
    expect(eraYearToGregorian(mustFind('H'), 1)).toBe(1989);
    expect(eraYearToGregorian(mustFind('S'), 1)).toBe(1926);
    expect(eraYearToGregorian(mustFind('R'), 3)).toBe(2021);
    expect(eraYearToGregorian(mustFind('S'), 64)).toBe(1989);
  });

  it('computes years past the end of an era (projections)', () => {
    expect(eraYearToGregorian(mustFind('H'), 32)).toBe(2020);
  });

  it('rejects non-positive and fractional years', () => {
    expect(() => eraYearToGregorian(mustFind('R'), 0)).toThrow(RangeError);
    expect(() => eraYearToGregorian(mustFind('R'), 1.5)).toThrow(RangeError);
  });
});

describe('gregorianToEraYear', () => {
  const at = (year: number, month: number, day: number) => {
    const r = gregorianToEraYear({ year, month, day });
    return r ? `${r.era.abbr}${r.year}` : null;
  };

  it('gives the era year on both sides of a boundary', () => {
    expect(at(2019, 4, 30)).toBe('H31');
    expect(at(2019, 5, 1)).toBe('R1');
    expect(at(1989, 1, 7)).toBe('S64');
    expect(at(1989, 1, 8)).toBe('H1');
    expect(at(2021, 3, 31)).toBe('R3');
  });

  it('returns null before Meiji', () => {
    expect(at(1868, 1, 1)).toBeNull();
  });
});

describe('parseEraYear', () => {
  it('reads 元 and digits', () => {
    expect(parseEraYear('元')).toBe(1);
    expect(parseEraYear('3')).toBe(3);
    expect(parseEraYear('03')).toBe(3);
    expect(parseEraYear('32')).toBe(32);
  });

  it('rejects zero and non-digits', () => {
    expect(parseEraYear('0')).toBeNull();
    expect(parseEraYear('00')).toBeNull();
    expect(parseEraYear('')).toBeNull();
    expect(parseEraYear('３')).toBeNull(); // callers convert widths first
    expect(parseEraYear('1.5')).toBeNull();
    expect(parseEraYear('元元')).toBeNull();
  });
});
