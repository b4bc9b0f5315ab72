import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatTsv, parseTsv } from './tsv-grid.ts';

const SAMPLE = new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url);

const cellsOf = (text: string) => parseTsv(text).map((r) => r.cells);
const linesOf = (text: string) => parseTsv(text).map((r) => r.line);

describe('parseTsv', () => {
  it('splits rows on LF, CRLF and CR and cells on tabs, numbering lines from 1', () => {
    expect(parseTsv('a\tb\nc\td\r\ne\tf\rg')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
      { line: 3, cells: ['e', 'f'] },
      { line: 4, cells: ['g'] },
    ]);
  });

  it('keeps a final row that has no trailing line break', () => {
    expect(cellsOf('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(cellsOf('\t\t\t70,090\t52,139\t')).toEqual([['', '', '', '70,090', '52,139', '']]);
  });

  it('adds no empty row for the line break that ends the file', () => {
    expect(cellsOf('a\tb\n')).toEqual([['a', 'b']]);
    expect(cellsOf('a\tb\r\n')).toEqual([['a', 'b']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('keeps blank lines as rows, so later rows keep their line numbers', () => {
    expect(parseTsv('\n\nx\n\ny')).toEqual([
      { line: 1, cells: [''] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['x'] },
      { line: 4, cells: [''] },
      { line: 5, cells: ['y'] },
    ]);
  });

  it('keeps empty cells, leading and trailing', () => {
    expect(cellsOf('\t2\t\t')).toEqual([['', '2', '', '']]);
  });

  it('reads a quoted cell holding tabs, line breaks and doubled quotes', () => {
    expect(cellsOf('"a\tb"\t"line 1\nline 2"\t"say ""hi"""\tend\n')).toEqual([
      ['a\tb', 'line 1\nline 2', 'say "hi"', 'end'],
    ]);
  });

  it('numbers the rows after a multi-line quoted cell by their physical line', () => {
    const text = 'h1\th2\nx\t"one\ntwo\nthree"\ty\nnext\t1\n"a\r\nb"\t2\r\nlast\t3';
    expect(parseTsv(text)).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['x', 'one\ntwo\nthree', 'y'] },
      { line: 5, cells: ['next', '1'] },
      { line: 6, cells: ['a\r\nb', '2'] },
      { line: 8, cells: ['last', '3'] },
    ]);
  });

  it('counts a lone CR inside a quoted cell as a line break', () => {
    expect(linesOf('"a\rb"\nc')).toEqual([1, 3]);
  });

  it('reads a cell that starts with a quote but never closes it as literal text', () => {
    expect(parseTsv('"unclosed\tnext\nrow 2\tx\n')).toEqual([
      { line: 1, cells: ['"unclosed', 'next'] },
      { line: 2, cells: ['row 2', 'x'] },
    ]);
    // The file ends inside the would-be quoted cell: still text, tab and line break included.
    expect(cellsOf('a\t"b\tc\nd')).toEqual([['a', '"b', 'c'], ['d']]);
  });

  it('reads a quote closed before more text as literal text', () => {
    expect(cellsOf('"働くまち"として室蘭を\t1\n')).toEqual([['"働くまち"として室蘭を', '1']]);
  });

  it('keeps quotes inside an unquoted cell as they are', () => {
    expect(cellsOf('a"b\tc""d\n')).toEqual([['a"b', 'c""d']]);
  });

  it('reads the sample: 50 lines, every row on its own line, the totals row last', () => {
    const rows = parseTsv(readFileSync(SAMPLE, 'utf8'));
    expect(rows).toHaveLength(50);
    expect(rows.map((r) => r.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(rows[6]?.cells.slice(0, 5)).toEqual(['具体的な施策', 'No.', '事業名', 'R2', '']);
    expect(rows[10]?.cells.slice(0, 5)).toEqual([
      '地元企業への就職促進とUIターン の推進',
      '1',
      '移住推進事業',
      '322',
      '490',
    ]);
    expect(rows.at(-1)).toEqual({ line: 50, cells: ['', '', '', '70,090', '52,139', ''] });
  });
});

describe('formatTsv', () => {
  it('quotes only cells with a tab, a line break or a leading quote, doubling inner quotes', () => {
    expect(formatTsv([['plain', 'a\tb', 'x\ny', '"q"', 'mid"dle', 'cr\r']])).toBe(
      'plain\t"a\tb"\t"x\ny"\t"""q"""\tmid"dle\t"cr\r"\n',
    );
  });

  it('ends every row with the line break asked for', () => {
    expect(formatTsv([['a', 'b'], ['c']], '\r\n')).toBe('a\tb\r\nc\r\n');
  });

  it('round-trips cells with tabs, line breaks and quotes through parseTsv', () => {
    const grid = [
      ['a\tb', 'line 1\nline 2', 'say "hi"', '"quoted at start', 'crlf\r\ninside'],
      ['', '"', '""', '\t', '\n'],
      ['移住相談 ▶R2…41件', '', 'end'],
    ];
    for (const lineBreak of ['\n', '\r\n']) {
      expect(cellsOf(formatTsv(grid, lineBreak))).toEqual(grid);
    }
  });

  it('keeps line numbers right after exported multi-line cells', () => {
    const text = formatTsv([['a', 'x\ny\nz'], ['b'], ['c\r\nd'], ['e']], '\r\n');
    expect(linesOf(text)).toEqual([1, 4, 5, 7]);
  });

  it('round-trips random grids of awkward characters', () => {
    // A fixed-seed generator, so a failure reproduces.
    let seed = 20_201;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 16) % n;
    };
    const pieces = ['a', '"', '\t', '\n', '\r', '\r\n', ' ', '漢', '""'];
    for (let round = 0; round < 2000; round++) {
      const grid = Array.from({ length: 1 + next(4) }, () =>
        Array.from({ length: 1 + next(4) }, () =>
          Array.from({ length: next(5) }, () => pieces[next(pieces.length)]).join(''),
        ),
      );
      const lineBreak = next(2) === 0 ? '\n' : '\r\n';
      expect(cellsOf(formatTsv(grid, lineBreak))).toEqual(grid);
    }
  });
});
