import { describe, expect, it } from 'vitest';
import {
  type AmountUnit,
  amountFromNumber,
  executionRate,
  formatAmount,
  formatRate,
  parseAmount,
  sumAmounts,
  UNIT_FACTOR,
} from './money.ts';

const yen = (value: number | null) => ({ ok: true, yen: value });
const fail = (reason: string) => ({ ok: false, reason });

describe('UNIT_FACTOR', () => {
  it('maps each unit to yen', () => {
    expect(UNIT_FACTOR).toEqual({ 円: 1, 千円: 1000, 百万円: 1_000_000 });
  });
});

describe('parseAmount', () => {
  it.each(['', '   ', '-', '－', '—', '―', 'ー', '\u2212', ' - ', '\u3000'])(
    'reads %j as a missing value, not 0',
    (text) => {
      expect(parseAmount(text, '千円')).toEqual(yen(null));
    },
  );

  it('multiplies by the unit', () => {
    expect(parseAmount('2,810', '千円')).toEqual(yen(2_810_000));
    expect(parseAmount('2810', '千円')).toEqual(yen(2_810_000));
    expect(parseAmount('2,810', '円')).toEqual(yen(2_810));
    expect(parseAmount('3', '百万円')).toEqual(yen(3_000_000));
    expect(parseAmount('0', '千円')).toEqual(yen(0));
    expect(parseAmount(' 1,234,567 ', '円')).toEqual(yen(1_234_567));
  });

  it('accepts full-width digits and separators', () => {
    expect(parseAmount('２，８１０', '千円')).toEqual(yen(2_810_000));
    expect(parseAmount('２，５５１．０１', '千円')).toEqual(yen(2_551_010));
  });

  it('reads decimals exactly', () => {
    expect(parseAmount('2,551.01', '千円')).toEqual(yen(2_551_010));
    expect(parseAmount('0.5', '千円')).toEqual(yen(500));
    expect(parseAmount('0.001', '千円')).toEqual(yen(1));
    expect(parseAmount('2,551.0100', '千円')).toEqual(yen(2_551_010));
    expect(parseAmount('1.234567', '百万円')).toEqual(yen(1_234_567));
    expect(parseAmount('12.0', '円')).toEqual(yen(12));
    // 0.1 + 0.2 style float error would show here if floats were used.
    expect(parseAmount('1.005', '千円')).toEqual(yen(1_005));
  });

  it('refuses amounts that are not whole yen', () => {
    expect(parseAmount('2,551.0105', '千円')).toEqual(fail('too-many-decimals'));
    expect(parseAmount('0.0001', '千円')).toEqual(fail('too-many-decimals'));
    expect(parseAmount('1.5', '円')).toEqual(fail('too-many-decimals'));
  });

  it('reads △, ▲ and - as negative', () => {
    expect(parseAmount('△1,000', '千円')).toEqual(yen(-1_000_000));
    expect(parseAmount('▲ 1,000', '千円')).toEqual(yen(-1_000_000));
    expect(parseAmount('-1,000', '千円')).toEqual(yen(-1_000_000));
    expect(parseAmount('－１', '千円')).toEqual(yen(-1_000));
    expect(parseAmount('△0.5', '千円')).toEqual(yen(-500));
  });

  it('never returns -0', () => {
    const parsed = parseAmount('-0', '千円');
    expect(parsed.ok && Object.is(parsed.yen, 0)).toBe(true);
  });

  it('tolerates a trailing unit word only when it matches', () => {
    expect(parseAmount('2,810千円', '千円')).toEqual(yen(2_810_000));
    expect(parseAmount('2,810 千円', '千円')).toEqual(yen(2_810_000));
    expect(parseAmount('500円', '円')).toEqual(yen(500));
    expect(parseAmount('3百万円', '百万円')).toEqual(yen(3_000_000));
    expect(parseAmount('2,810千円', '円')).toEqual(fail('not-a-number'));
    expect(parseAmount('2,810円', '千円')).toEqual(fail('not-a-number'));
    expect(parseAmount('3百万円', '千円')).toEqual(fail('not-a-number'));
    expect(parseAmount('3万円', '円')).toEqual(fail('not-a-number'));
    expect(parseAmount('千円', '千円')).toEqual(fail('not-a-number'));
  });

  it.each([
    '1,23',
    '12,34',
    '1234,567',
    ',123',
    '1,,234',
    '1,234,',
    'abc',
    '1.2.3',
    '.5',
    '5.',
    '+5',
    '--5',
    '△-5',
    '1 234',
    '1e3',
    '0x10',
    '(1,000)',
  ])('rejects %j as not a number', (text) => {
    expect(parseAmount(text, '千円')).toEqual(fail('not-a-number'));
  });

  it('rejects amounts beyond Number.MAX_SAFE_INTEGER yen', () => {
    expect(parseAmount('9007199254740991', '円')).toEqual(yen(Number.MAX_SAFE_INTEGER));
    expect(parseAmount('9007199254740992', '円')).toEqual(fail('out-of-range'));
    expect(parseAmount('-9007199254740991', '円')).toEqual(yen(-Number.MAX_SAFE_INTEGER));
    expect(parseAmount('9,007,199,254,740.991', '千円')).toEqual(yen(Number.MAX_SAFE_INTEGER));
    expect(parseAmount('9,007,199,254,741', '千円')).toEqual(fail('out-of-range'));
    expect(parseAmount('1'.repeat(40), '円')).toEqual(fail('out-of-range'));
  });
});

describe('amountFromNumber', () => {
  it('removes spreadsheet float noise', () => {
    expect(amountFromNumber(2551.0100000000002, '千円')).toEqual(yen(2_551_010));
    // 0.1 + 0.2 prints as 0.30000000000000004: without the rounding it would be 300.00000000000004.
    expect(amountFromNumber(0.1 + 0.2, '千円')).toEqual(yen(300));
    expect(amountFromNumber(1.1 * 3, '千円')).toEqual(yen(3_300));
    expect(amountFromNumber(1.005, '千円')).toEqual(yen(1_005));
    expect(amountFromNumber(-2551.01, '千円')).toEqual(yen(-2_551_010));
  });

  it('keeps integers exact, including large ones', () => {
    expect(amountFromNumber(2810, '千円')).toEqual(yen(2_810_000));
    expect(amountFromNumber(Number.MAX_SAFE_INTEGER, '円')).toEqual(yen(Number.MAX_SAFE_INTEGER));
    expect(amountFromNumber(-0, '円')).toEqual(yen(0));
  });

  it('handles numbers that toPrecision writes with an exponent', () => {
    expect(amountFromNumber(1.5e-7, '百万円')).toEqual(fail('too-many-decimals'));
    expect(amountFromNumber(1e-6, '百万円')).toEqual(yen(1));
    expect(amountFromNumber(1e21, '円')).toEqual(fail('out-of-range'));
    expect(amountFromNumber(1234567890123.5, '千円')).toEqual(yen(1_234_567_890_123_500));
  });

  it('reports non-whole yen and non-numbers', () => {
    expect(amountFromNumber(0.5, '円')).toEqual(fail('too-many-decimals'));
    expect(amountFromNumber(2551.0105, '千円')).toEqual(fail('too-many-decimals'));
    expect(amountFromNumber(Number.NaN, '千円')).toEqual(fail('not-a-number'));
    expect(amountFromNumber(Number.POSITIVE_INFINITY, '円')).toEqual(fail('not-a-number'));
    expect(amountFromNumber(Number.NEGATIVE_INFINITY, '円')).toEqual(fail('not-a-number'));
  });
});

describe('formatAmount', () => {
  it('writes the unit with separators and only the decimals needed', () => {
    expect(formatAmount(2_810_000, '千円')).toBe('2,810');
    expect(formatAmount(2_551_010, '千円')).toBe('2,551.01');
    expect(formatAmount(500, '千円')).toBe('0.5');
    expect(formatAmount(1, '千円')).toBe('0.001');
    expect(formatAmount(0, '千円')).toBe('0');
    expect(formatAmount(-1_000, '千円')).toBe('-1');
    expect(formatAmount(-500, '千円')).toBe('-0.5');
    expect(formatAmount(1_234_567, '円')).toBe('1,234,567');
    expect(formatAmount(123, '円')).toBe('123');
    expect(formatAmount(1_234_567, '百万円')).toBe('1.234567');
    expect(formatAmount(1_000_000_000, '百万円')).toBe('1,000');
    expect(formatAmount(Number.MAX_SAFE_INTEGER, '千円')).toBe('9,007,199,254,740.991');
  });

  it('writes a missing value as -', () => {
    expect(formatAmount(null, '千円')).toBe('-');
  });

  it('rejects amounts that are not safe integers', () => {
    expect(() => formatAmount(0.5, '円')).toThrow(RangeError);
    expect(() => formatAmount(2 ** 53, '円')).toThrow(RangeError);
  });

  it('round-trips through parseAmount for many integers', () => {
    const units: AmountUnit[] = ['千円', '円', '百万円'];
    let seed = 12345;
    const next = () => {
      // Deterministic LCG (Numerical Recipes constants) so failures are reproducible.
      seed = (seed * 1_664_525 + 1_013_904_223) % 2 ** 32;
      return seed;
    };
    const samples = [0, 1, -1, 999, 1000, 1001, -999_999, Number.MAX_SAFE_INTEGER];
    for (let i = 0; i < 3000; i++) {
      const magnitude = Math.floor((next() / 2 ** 32) * 10 ** (1 + (i % 15)));
      samples.push(i % 2 ? magnitude : 0 - magnitude); // 0 - 0 is 0, not -0
    }
    for (const value of samples) {
      for (const unit of units) {
        expect(parseAmount(formatAmount(value, unit), unit)).toEqual(yen(value));
      }
    }
  });
});

describe('sumAmounts', () => {
  it('skips nulls', () => {
    expect(sumAmounts([1_000, null, 2_000])).toBe(3_000);
    expect(sumAmounts([null, -500, null])).toBe(-500);
    expect(sumAmounts([0, null])).toBe(0);
  });

  it('is null when every value is missing', () => {
    expect(sumAmounts([null, null])).toBeNull();
    expect(sumAmounts([])).toBeNull();
  });

  it('is exact up to the safe-integer limit and refuses to go beyond it', () => {
    expect(sumAmounts([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
    expect(sumAmounts([Number.MAX_SAFE_INTEGER, 1, -1])).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => sumAmounts([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumAmounts([0.5])).toThrow(RangeError);
  });
});

describe('executionRate', () => {
  it('divides settlement by budget', () => {
    expect(executionRate(1_000, 1_522)).toBeCloseTo(1.522, 12);
    expect(executionRate(2_000, 1_000)).toBe(0.5);
    expect(executionRate(1_000, 0)).toBe(0);
  });

  it('is null when a value is missing or the budget is 0', () => {
    expect(executionRate(null, 1_000)).toBeNull();
    expect(executionRate(1_000, null)).toBeNull();
    expect(executionRate(0, 1_000)).toBeNull();
  });
});

describe('formatRate', () => {
  it('writes a percentage with one decimal', () => {
    expect(formatRate(1.522)).toBe('152.2%');
    expect(formatRate(executionRate(1_000, 1_522))).toBe('152.2%');
    expect(formatRate(0.5)).toBe('50.0%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(-0.25)).toBe('-25.0%');
    expect(formatRate(0.12345)).toBe('12.3%');
  });

  it('never writes -0.0%', () => {
    expect(formatRate(-0.0001)).toBe('0.0%');
  });

  it('writes a missing rate with the one no-value mark', () => {
    expect(formatRate(null)).toBe('-');
    expect(formatRate(Number.NaN)).toBe('-');
  });
});

describe('parseAmount with a rounding rule for fractions of a yen', () => {
  it('refuses by default and with "error", as before', () => {
    expect(parseAmount('1,355.3925', '千円', 'error')).toEqual(fail('too-many-decimals'));
  });

  it('rounds half away from zero, floors and ceils exactly, saying it rounded', () => {
    const rounded = (value: number) => ({ ok: true, yen: value, rounded: true });
    expect(parseAmount('1,355.3925', '千円', 'round')).toEqual(rounded(1_355_393));
    expect(parseAmount('1,355.3925', '千円', 'floor')).toEqual(rounded(1_355_392));
    expect(parseAmount('1,355.3925', '千円', 'ceil')).toEqual(rounded(1_355_393));
    expect(parseAmount('1,355.3924', '千円', 'round')).toEqual(rounded(1_355_392));
    expect(parseAmount('△1,355.3925', '千円', 'round')).toEqual(rounded(-1_355_393));
    expect(parseAmount('△1,355.3925', '千円', 'floor')).toEqual(rounded(-1_355_393));
    expect(parseAmount('△1,355.3925', '千円', 'ceil')).toEqual(rounded(-1_355_392));
    expect(parseAmount('0.0004', '千円', 'round')).toEqual(rounded(0));
    // Digits far beyond a double's precision still round by their text.
    expect(parseAmount('8,999,999,999.9995', '千円', 'round')).toEqual(rounded(9_000_000_000_000));
  });

  it('leaves whole-yen amounts alone (no rounded flag)', () => {
    expect(parseAmount('1,355.392', '千円', 'round')).toEqual(yen(1_355_392));
  });
});
