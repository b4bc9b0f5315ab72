import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafeText } from './spreadsheet-safe-text.ts';

/** Any text, often opened by a formula mark or a signed number. */
const MARKED_TEXT = fc
  .tuple(
    fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '-1', '+2,000'),
    fc.string({ unit: 'binary' }),
  )
  .map(([mark, rest]) => mark + rest);

describe('text a spreadsheet shows as text', () => {
  it('prefixes a quote to what Excel would run as a formula', () => {
    for (const text of [
      '=HYPERLINK("http://evil.example","click")',
      '+cmd|"/c calc"!A1',
      '-2+3+cmd|"/c calc"!A1',
      '@SUM(1+1)',
      '\t=1+1',
      '\r=1+1',
      '＝1+1',
      '＋1',
      '－',
      '＠SUM(A1)',
      '-',
      '+',
      '-1e5',
      '-1.',
      '- 5',
    ]) {
      expect(spreadsheetSafeText(text), text).toBe(`'${text}`);
    }
  });

  it('leaves plain numbers and ordinary text alone', () => {
    for (const text of [
      '-123',
      '-1.5',
      '+5',
      '-1,234',
      '-1,234.5',
      '0',
      '移住推進事業',
      '',
      ' =1',
      "'=1",
    ]) {
      expect(spreadsheetSafeText(text), text).toBe(text);
    }
  });

  it('never leaves a formula mark first, and keeps the text after the quote', () => {
    fc.assert(
      fc.property(MARKED_TEXT, (text) => {
        const safe = spreadsheetSafeText(text);
        expect(safe === text || safe === `'${text}`).toBe(true);
        if (/^[=@\t\r＝＋－＠]/.test(safe)) expect.unreachable(safe);
        if (/^[+-]/.test(safe))
          expect(Number.isFinite(Number(safe.replaceAll(',', '')))).toBe(true);
      }),
      { seed: 9, numRuns: 2000 },
    );
  });
});
