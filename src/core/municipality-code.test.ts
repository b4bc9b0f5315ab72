import { describe, expect, it } from 'vitest';
import {
  isPrefectureCode,
  isValidMunicipalityCode,
  municipalityCheckDigit,
  PREFECTURES,
  parseMunicipalityCode,
  prefectureOf,
} from './municipality-code.ts';

describe('municipalityCheckDigit', () => {
  it.each([
    ['01205', '0'], // 室蘭市: sum 23, r = 1 → 10 → 0
    ['13000', '1'], // 東京都: sum 21, r = 10 → 1
    ['01100', '2'], // 札幌市
    ['13101', '6'], // 千代田区
    ['27100', '4'], // 大阪市
    ['01202', '5'], // 函館市
  ])('%s → %s', (first5, digit) => {
    expect(municipalityCheckDigit(first5)).toBe(digit);
  });

  it('gives 1 when the weighted sum is a multiple of 11 (11 → 1)', () => {
    // 0·6 + 0·5 + 0·4 + 1·3 + 4·2 = 11
    expect(municipalityCheckDigit('00014')).toBe('1');
  });

  it('rejects anything but five ASCII digits', () => {
    expect(() => municipalityCheckDigit('1320')).toThrow(RangeError);
    expect(() => municipalityCheckDigit('13２01')).toThrow(RangeError);
  });
});

describe('isValidMunicipalityCode', () => {
  it('accepts real codes', () => {
    for (const code of ['012050', '130001', '011002', '131016', '271004', '472018']) {
      expect(isValidMunicipalityCode(code)).toBe(true);
    }
  });

  it('rejects a wrong check digit', () => {
    expect(isValidMunicipalityCode('131017')).toBe(false);
    expect(isValidMunicipalityCode('012051')).toBe(false);
  });

  it('rejects prefectures outside 01–47 even with a correct check digit', () => {
    expect(isValidMunicipalityCode(`48100${municipalityCheckDigit('48100')}`)).toBe(false);
    expect(isValidMunicipalityCode(`00100${municipalityCheckDigit('00100')}`)).toBe(false);
  });

  it('rejects other shapes', () => {
    for (const code of ['13101', '1310160', ' 131016', '１３１０１６', '13101a', '']) {
      expect(isValidMunicipalityCode(code)).toBe(false);
    }
  });
});

describe('parseMunicipalityCode', () => {
  it('returns valid six-digit codes unchanged', () => {
    expect(parseMunicipalityCode('131016')).toBe('131016');
  });

  it('appends the check digit to a five-digit code', () => {
    expect(parseMunicipalityCode('01205')).toBe('012050');
    expect(parseMunicipalityCode('13000')).toBe('130001');
  });

  it('accepts full-width digits and surrounding spaces', () => {
    expect(parseMunicipalityCode('１３１０１６')).toBe('131016');
    expect(parseMunicipalityCode(' 27100\u3000')).toBe('271004');
  });

  it('returns null for anything invalid', () => {
    for (const text of ['131017', '48100', '00000', '1310', '13-101', '', 'abcdef', '1 3101']) {
      expect(parseMunicipalityCode(text)).toBeNull();
    }
  });
});

describe('PREFECTURES', () => {
  it('lists all 47 in code order', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(PREFECTURES.map((p) => p.code)).toEqual(
      Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(new Set(PREFECTURES.map((p) => p.name)).size).toBe(47);
  });

  it('uses full names', () => {
    const names = new Map(PREFECTURES.map((p) => [p.code, p.name]));
    expect(names.get('01')).toBe('北海道');
    expect(names.get('02')).toBe('青森県');
    expect(names.get('13')).toBe('東京都');
    expect(names.get('14')).toBe('神奈川県');
    expect(names.get('26')).toBe('京都府');
    expect(names.get('27')).toBe('大阪府');
    expect(names.get('46')).toBe('鹿児島県');
    expect(names.get('47')).toBe('沖縄県');
  });

  it('ends every name in 都, 道, 府 or 県', () => {
    for (const p of PREFECTURES) expect(p.name).toMatch(/[都道府県]$/);
  });
});

describe('prefectureOf', () => {
  it('finds the prefecture of a municipality or prefecture code', () => {
    expect(prefectureOf('012050')?.name).toBe('北海道');
    expect(prefectureOf('131016')?.name).toBe('東京都');
    expect(prefectureOf('13101')?.name).toBe('東京都');
    expect(prefectureOf('271004')?.name).toBe('大阪府');
    expect(prefectureOf('13')?.name).toBe('東京都');
    expect(prefectureOf('４７')?.name).toBe('沖縄県');
  });

  it('returns null for invalid codes', () => {
    expect(prefectureOf('131017')).toBeNull();
    expect(prefectureOf('48')).toBeNull();
    expect(prefectureOf('00')).toBeNull();
    expect(prefectureOf('')).toBeNull();
  });
});

describe('isPrefectureCode', () => {
  it('is true for a prefecture itself', () => {
    expect(isPrefectureCode('130001')).toBe(true);
    expect(isPrefectureCode('270008')).toBe(true);
    expect(isPrefectureCode(`01000${municipalityCheckDigit('01000')}`)).toBe(true);
  });

  it('is false for municipalities and invalid codes', () => {
    expect(isPrefectureCode('131016')).toBe(false);
    expect(isPrefectureCode('012050')).toBe(false);
    expect(isPrefectureCode('130002')).toBe(false);
    expect(isPrefectureCode('13000')).toBe(false);
  });
});
