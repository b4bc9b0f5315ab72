import { describe, expect, it } from 'vitest';
import { toHalfWidth } from './half-width.ts';

describe('toHalfWidth', () => {
  it('converts full-width digits, letters and punctuation', () => {
    expect(toHalfWidth('Ｒ３．３．３１')).toBe('R3.3.31');
    expect(toHalfWidth('２，８１０')).toBe('2,810');
    expect(toHalfWidth('ａｂｃＸＹＺ')).toBe('abcXYZ');
  });

  it('converts both ends of the range', () => {
    expect(toHalfWidth('\uFF01')).toBe('!');
    expect(toHalfWidth('\uFF5E')).toBe('~');
    expect(toHalfWidth('－')).toBe('-');
  });

  it('converts the ideographic space to an ASCII space', () => {
    expect(toHalfWidth('令和\u30003年')).toBe('令和 3年');
  });

  it('leaves everything else alone (unlike NFKC)', () => {
    expect(toHalfWidth('…')).toBe('…');
    expect(toHalfWidth('①㈱ｱｲｳ')).toBe('①㈱ｱｲｳ');
    expect(toHalfWidth('令和元年度△▲—―ー')).toBe('令和元年度△▲—―ー');
    expect(toHalfWidth('￥')).toBe('￥'); // U+FFE5 is outside U+FF01–U+FF5E
    expect(toHalfWidth('')).toBe('');
  });

  it('is idempotent on ASCII', () => {
    const ascii = 'R3.3.31 FY2020 -1,234.5';
    expect(toHalfWidth(ascii)).toBe(ascii);
  });
});
