import { describe, expect, it } from 'vitest';
import { addDays, formatIsoDate, type PlainDate } from './plain-date.ts';
import { formatWarekiDate, parseWarekiDate } from './wareki-date.ts';

function iso(text: string): string | null {
  const d = parseWarekiDate(text);
  return d ? formatIsoDate(d) : null;
}

function mustParse(text: string): PlainDate {
  const d = parseWarekiDate(text);
  if (!d) throw new Error(`could not parse ${text}`);
  return d;
}

describe('parseWarekiDate', () => {
  it('accepts the short forms', () => {
    expect(iso('R3.3.31')).toBe('2021-03-31');
    expect(iso('R3/3/31')).toBe('2021-03-31');
    expect(iso('R03.03.31')).toBe('2021-03-31');
    expect(iso('r3.3.31')).toBe('2021-03-31');
    expect(iso('R元.5.1')).toBe('2019-05-01');
    expect(iso('H1.1.8')).toBe('1989-01-08');
  });

  it('accepts the long forms', () => {
    expect(iso('令和3年3月31日')).toBe('2021-03-31');
    expect(iso('令和元年5月1日')).toBe('2019-05-01');
    expect(iso('平成31年4月30日')).toBe('2019-04-30');
    expect(iso('昭和64年1月7日')).toBe('1989-01-07');
  });

  it('accepts full-width characters and surrounding whitespace', () => {
    expect(iso('Ｒ３．３．３１')).toBe('2021-03-31');
    expect(iso('令和３年３月３１日')).toBe('2021-03-31');
    expect(iso('  R3.3.31\t')).toBe('2021-03-31');
    expect(iso('\u3000令和3年3月31日\u3000')).toBe('2021-03-31');
  });

  it('rejects dates that do not exist', () => {
    expect(parseWarekiDate('R3.2.30')).toBeNull();
    expect(parseWarekiDate('R3.13.1')).toBeNull();
    expect(parseWarekiDate('R0.5.1')).toBeNull();
    expect(parseWarekiDate('R2.2.29')).not.toBeNull(); // 2020 is a leap year
    expect(parseWarekiDate('R3.2.29')).toBeNull();
  });

  it('rejects a date before its era began', () => {
    expect(parseWarekiDate('R1.4.30')).toBeNull();
    expect(parseWarekiDate('令和元年4月30日')).toBeNull();
    expect(parseWarekiDate('H1.1.7')).toBeNull();
    expect(parseWarekiDate('M1.1.1')).toBeNull(); // before the 1868-10-23 edict
  });

  it('rejects a date after the next era began', () => {
    expect(parseWarekiDate('H31.5.1')).toBeNull();
    expect(parseWarekiDate('平成32年1月1日')).toBeNull();
    expect(parseWarekiDate('S64.1.8')).toBeNull();
  });

  it('rejects malformed text', () => {
    for (const text of [
      '',
      'R3',
      'R3.3',
      'R3.3/31',
      'X3.3.31',
      '令和3年3月31',
      '令和3年3月31日日',
      'R3.3.31.1',
      '2021-03-31',
    ]) {
      expect(parseWarekiDate(text)).toBeNull();
    }
  });
});

describe('formatWarekiDate', () => {
  it('formats short and long styles', () => {
    const d = { year: 2021, month: 3, day: 31 };
    expect(formatWarekiDate(d, 'short')).toBe('R3.3.31');
    expect(formatWarekiDate(d, 'long')).toBe('令和3年3月31日');
  });

  it('writes the first year as 元 only in long style', () => {
    const d = { year: 2019, month: 5, day: 1 };
    expect(formatWarekiDate(d, 'short')).toBe('R1.5.1');
    expect(formatWarekiDate(d, 'long')).toBe('令和元年5月1日');
  });

  it('handles the 平成/令和 boundary', () => {
    const last = mustParse('H31.4.30');
    expect(formatIsoDate(last)).toBe('2019-04-30');
    expect(formatWarekiDate(last, 'short')).toBe('H31.4.30');
    const next = addDays(last, 1);
    expect(formatWarekiDate(next, 'short')).toBe('R1.5.1');
    expect(formatWarekiDate(next, 'long')).toBe('令和元年5月1日');
  });

  it('handles the 昭和/平成 boundary', () => {
    const last = mustParse('S64.1.7');
    expect(formatIsoDate(last)).toBe('1989-01-07');
    expect(formatWarekiDate(last, 'long')).toBe('昭和64年1月7日');
    const next = addDays(last, 1);
    expect(formatIsoDate(next)).toBe('1989-01-08');
    expect(formatWarekiDate(next, 'short')).toBe('H1.1.8');
    expect(formatWarekiDate(next, 'long')).toBe('平成元年1月8日');
    expect(parseWarekiDate('H1.1.8')).toEqual(next);
  });

  it('round-trips every day across the 平成/令和 change', () => {
    let d: PlainDate = { year: 2018, month: 12, day: 1 };
    for (let i = 0; i < 400; i++) {
      expect(parseWarekiDate(formatWarekiDate(d, 'short'))).toEqual(d);
      expect(parseWarekiDate(formatWarekiDate(d, 'long'))).toEqual(d);
      d = addDays(d, 1);
    }
  });

  it('throws for dates it cannot write', () => {
    expect(() => formatWarekiDate({ year: 1868, month: 1, day: 1 }, 'long')).toThrow(RangeError);
    expect(() => formatWarekiDate({ year: 2021, month: 2, day: 30 }, 'short')).toThrow(RangeError);
  });
});
