import { describe, expect, it } from 'vitest';
import { isNoValue } from './no-value.ts';

describe('isNoValue', () => {
  it.each([
    '',
    '  ',
    '\u3000',
    '-',
    ' - ',
    '\u2010',
    '\u2011',
    '\u2013',
    '\u2014',
    '\u2015',
    '\uFF0D',
    '\u2212',
  ])('reads %j as no value', (text) => {
    expect(isNoValue(text)).toBe(true);
  });

  it('does not read a kana length mark, a zero or a word as no value', () => {
    for (const text of ['ー', '0', '継続', '--', '-1', '×']) expect(isNoValue(text)).toBe(false);
  });

  it("adds the mapping's own tokens, compared after trimming and half-width", () => {
    expect(isNoValue('該当なし', ['該当なし', '＊'])).toBe(true);
    expect(isNoValue(' * ', ['＊'])).toBe(true);
    expect(isNoValue('該当', ['該当なし'])).toBe(false);
  });
});
