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

  it('writes what it reads', () => {
    const rows = [
      ['区分', '目標値'],
      ['施策', '1,000'],
      ['a "b"', 'c\nd'],
    ];
    expect(parseCsv(formatCsv(rows)).map((r) => r.cells)).toEqual(rows);
  });
});
