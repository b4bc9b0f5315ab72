import { describe, expect, it } from 'vitest';
import { NUMERAL, parseNumeral } from './numerals.ts';

const numerals = (text: string) => [...text.matchAll(NUMERAL)].map((m) => parseNumeral(m[0]));

describe('numerals', () => {
  it('reads kanji numerals, 万/億 groups and digits mixed with them', () => {
    expect(numerals('三 十 二十五 百二十 千二百 三千五百万 1万2千 2万3,400 1.5万 2億')).toEqual([
      3, 10, 25, 120, 1200, 35_000_000, 12_000, 23_400, 15_000, 200_000_000,
    ]);
  });

  it('reads thousands separators only in groups of three', () => {
    expect(numerals('1,200 12,34 95.5')).toEqual([1200, 12, 34, 95.5]);
  });

  it('refuses what is no number: a bare 万, hundreds of digits', () => {
    expect(parseNumeral('万')).toBeNull();
    expect(parseNumeral('9'.repeat(400))).toBeNull();
    expect(numerals('万全の〇〇事業')).toEqual([]);
  });
});
