import { readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from './display-width.ts';

/** The CLI's own width counter agrees with string-width wherever Japanese text lives. */
describe('displayWidth', () => {
  it('counts every assigned character of the Latin, symbol, kana, kanji and full-width blocks as string-width does', () => {
    const blocks = [
      [0x20, 0x24f],
      [0x2000, 0x2bff],
      [0x3000, 0x30ff],
      [0x3200, 0x33ff],
      [0x4e00, 0x9fff],
      [0xff00, 0xffef],
    ] as const;
    const differing: string[] = [];
    for (const [from, to] of blocks) {
      for (let codePoint = from; codePoint <= to; codePoint++) {
        const ch = String.fromCodePoint(codePoint);
        if (/\p{Cn}/u.test(ch)) continue;
        if (displayWidth(ch) !== stringWidth(ch)) differing.push(codePoint.toString(16));
      }
    }
    expect(differing).toEqual([]);
  });

  it('counts every line of the sample and mixed strings as string-width does', () => {
    const sample = readFileSync(
      new URL('../../samples/muroran-r2-progress.tsv', import.meta.url),
      'utf8',
    );
    const texts = [
      ...sample.split(/[\t\n]/),
      '予算',
      '執行率',
      '1,234,567',
      '100.0%',
      '—',
      '☐ ▶ ⇒',
      'が\u3099',
      '👍🏽',
      'Ａ１２３',
      'ｶﾀｶﾅ',
    ];
    expect(texts.map(displayWidth)).toEqual(texts.map((text) => stringWidth(text)));
  });
});
