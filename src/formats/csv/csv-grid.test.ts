import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from './csv-grid.ts';

describe('CSV as Excel writes it', () => {
  it('splits cells and rows, CRLF or LF, with quoted commas, quotes and line breaks', () => {
    const text = 'a,b,c\r\n"1,000","say ""hi""","two\nlines"\r\nx,,\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1,000', 'say "hi"', 'two\nlines'] },
      { line: 4, cells: ['x', '', ''] },
    ]);
  });

  it('keeps a last row without a line break, and an empty quoted cell', () => {
    expect(parseCsv('a,""\nb,c')).toEqual([
      { line: 1, cells: ['a', ''] },
      { line: 2, cells: ['b', 'c'] },
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  it('reads a quote inside an unquoted cell as text', () => {
    expect(parseCsv('5"インチ,x\n')).toEqual([{ line: 1, cells: ['5"インチ', 'x'] }]);
  });

  it('reads mixed line breaks, drops a BOM, and runs an unclosed quote to the end', () => {
    expect(parseCsv('\uFEFFa,b\rc\r\n\nd')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c'] },
      { line: 3, cells: [''] },
      { line: 4, cells: ['d'] },
    ]);
    expect(parseCsv('x\ny,"a\r\nb ""c""\n')).toEqual([
      { line: 1, cells: ['x'] },
      { line: 2, cells: ['y', 'a\r\nb "c"\n'] },
    ]);
  });

  it('names the file and line of a row over the rows limit', () => {
    const text = 'a\n'.repeat(100_001);
    expect(() => parseCsv(text, 'big.csv')).toThrow(
      expect.objectContaining({
        messageKey: 'input.too-many-rows',
        findings: [expect.objectContaining({ location: { file: 'big.csv', line: 100_001 } })],
      }),
    );
  });

  it('writes what it reads', () => {
    const rows = [
      ['区分', '目標値'],
      ['施策', '1,000'],
      ['a "b"', 'c\nd'],
    ];
    expect(parseCsv(formatCsv(rows)).map((r) => r.cells)).toEqual(rows);
  });
});
