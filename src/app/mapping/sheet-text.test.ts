import { describe, expect, it } from 'vitest';
import { isBlank, isKanaOnly, isNumberText, yearOf } from './sheet-text.ts';

describe('reading spreadsheet labels for a suggestion', () => {
  it('reads the fiscal year a header names, in every notation cities use', () => {
    expect(
      [
        '令和元年度',
        'Ｒ３予算',
        'H30決算',
        '平成30年度決算額',
        '2020年度',
        '目標値（R7）',
        '実績\nR4',
      ].map(yearOf),
    ).toEqual([2019, 2021, 2018, 2018, 2020, 2025, 2022]);
  });

  it('reads no year where there is none or more than one', () => {
    expect(['事業費計（A）', 'R2～R6', 'HR担当', 'No.'].map(yearOf)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('tells furigana, numbers and dashes apart', () => {
    expect(['せいさく', 'ジム ジギョウ', '政策', 'ー'].map(isKanaOnly)).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(['1,100', '１２．５', '-3', '70.5%', '約千', ''].map(isNumberText)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(['‐', '–', '－', '―', 'ー', '0'].map(isBlank)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
