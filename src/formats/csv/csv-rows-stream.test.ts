import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GridRow } from '../tsv/tsv-grid.ts';
import { formatCsv, parseCsv } from './csv-grid.ts';
import { csvRowsStream } from './csv-rows-stream.ts';

async function collect(rows: AsyncIterable<GridRow>): Promise<GridRow[]> {
  const out: GridRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** The text cut at the given offsets (sorted, deduplicated). */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(text.slice(from, p));
    from = p;
  }
  parts.push(text.slice(from));
  return parts;
}

async function* chunks(parts: string[]) {
  for (const p of parts) yield p;
}

/** Text made of what makes CSV hard: quotes, commas, every line break, Japanese. */
const csvText = fc
  .array(fc.constantFrom('a', 'あ', ',', '"', '""', '\r', '\n', '\r\n', ' ', '1'), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

describe('CSV rows as the text streams in', () => {
  it('reads the rows parseCsv reads, with their lines, wherever the text is cut', async () => {
    const fixed = [
      'a,b,c\r\n"1,000","say ""hi""","two\nlines"\r\nx,,\r\n',
      'x\n"a\r\nb',
      '"a""',
      'a\n"',
      'a\r\rb\r\n\nc',
      '5"インチ,x\n"ab"cd,e',
    ];
    for (const text of fixed) {
      const whole = parseCsv(text);
      expect(await collect(csvRowsStream(chunks([text])))).toEqual(whole);
      expect(await collect(csvRowsStream(chunks([...text])))).toEqual(whole);
    }
    await fc.assert(
      fc.asyncProperty(csvText, fc.array(fc.nat(), { maxLength: 8 }), async (text, at) => {
        expect(await collect(csvRowsStream(chunks(cut(text, at))))).toEqual(parseCsv(text));
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it('gives each row the line it starts on, a quoted cell spanning lines included', async () => {
    const cell = fc
      .array(fc.constantFrom('a', '"', ',', '\r', '\n', '\r\n', '事'), { maxLength: 6 })
      .map((p) => p.join(''));
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom('\r\n', '\n', '\r'), async (rows, lineBreak) => {
        // A row of one empty cell is written as an empty line, which reads back as it.
        let line = 1;
        const expected = rows.map((cells) => {
          const row = { line, cells };
          for (const c of cells) line += c.match(/\r\n|\r|\n/g)?.length ?? 0;
          line += 1;
          return row;
        });
        const text = rows.length === 0 ? '' : formatCsv(rows, lineBreak);
        expect(parseCsv(text)).toEqual(expected);
        expect(await collect(csvRowsStream(chunks(cut(text, [3, 7, 20]))))).toEqual(expected);
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('yields rows before the text ends, and stops reading at the rows limit', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield 'a,b,"c\r\nd"\r\n'.repeat(1000);
      }
    }
    const rows = csvRowsStream(endless(), 'big.csv');
    const first = await rows.next();
    expect(first.value).toEqual({ line: 1, cells: ['a', 'b', 'c\r\nd'] });
    expect(pulled).toBe(1);
    // An endless file is refused at INPUT_LIMITS.rows (100,000), never read whole.
    const error = await collect(rows).catch((e: unknown) => e);
    expect(error).toMatchObject({ messageKey: 'input.too-many-rows' });
    expect((error as { findings: { location: unknown }[] }).findings[0]?.location).toEqual({
      file: 'big.csv',
      line: 200_001,
    });
    expect(pulled).toBe(101);
  });

  it('refuses a row larger than a whole text file may be (an unclosed quote), reading no further', async () => {
    let pulled = 0;
    async function* endless() {
      yield 'a,b\n"';
      for (;;) {
        pulled++;
        yield 'x'.repeat(1024 * 1024);
      }
    }
    const error = await collect(csvRowsStream(endless(), 'q.csv')).catch((e: unknown) => e);
    expect(error).toMatchObject({
      messageKey: 'input.text-too-large',
      findings: [{ location: { file: 'q.csv', line: 2 } }],
    });
    expect(pulled).toBe(65);
  });

  it('closes its source when the reader stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; i < 100; i++) yield `${i},x\n`;
      } finally {
        closed = true;
      }
    }
    for await (const row of csvRowsStream(source())) if (row.line === 3) break;
    expect(closed).toBe(true);
  });
});
