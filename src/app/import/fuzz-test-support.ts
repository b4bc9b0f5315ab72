import ExcelJS from 'exceljs';
import fc from 'fast-check';

/**
 * Test support for importers.fuzz.test.ts: the mutations that grow fuzzed inputs from a real
 * file — edits of a text (lines, cells, junk), edits of a binary's bytes, and structural edits
 * of a workbook's cells (values inside a valid xlsx, which byte edits almost never reach).
 */
export const junk = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom(
    '1e308',
    '-0',
    'NaN',
    '99999999999999999999999',
    '９９９，９９９',
    '"',
    '""',
    '\t',
    '\r\n',
    ',',
    '☐',
    '▶',
    '⇒',
    '<u>',
    '※',
    '{',
    ']',
    '\u0000',
    '\uFEFF',
    '\uD800',
    'R2',
    'No.',
    '予算',
    '合計',
  ),
);

/** One edit of a text: cut it, duplicate or drop a line, swap two cells, insert junk. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('dup-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: junk }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: junk }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, e: Edit, separator: string): string {
  const lines = text.split('\n');
  const line = e.at % Math.max(1, lines.length);
  switch (e.kind) {
    case 'cut':
      return text.slice(0, e.at % (text.length + 1));
    case 'dup-line':
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
    case 'drop-line':
      return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
    case 'swap': {
      const cells = (lines[line] ?? '').split(separator);
      const [a, b] = [e.a % cells.length, e.b % cells.length];
      [cells[a], cells[b]] = [cells[b] ?? '', cells[a] ?? ''];
      lines[line] = cells.join(separator);
      return lines.join('\n');
    }
    case 'insert': {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.text + text.slice(at);
    }
    case 'replace': {
      const cells = (lines[line] ?? '').split(separator);
      cells[e.at % cells.length] = e.text;
      lines[line] = cells.join(separator);
      return lines.join('\n');
    }
  }
}

export const mutated = (text: string, separator: string) =>
  fc
    .array(edit, { minLength: 1, maxLength: 4 })
    .map((edits) => edits.reduce((t, e) => apply(t, e, separator), text));

/** Byte edits of a binary file (the xlsx): cut, flip, insert. */
export const mutatedBytes = (bytes: Uint8Array) =>
  fc
    .array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), cut: fc.boolean() }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((edits) => {
      let out = Uint8Array.from(bytes);
      for (const e of edits) {
        const at = e.at % (out.length + 1);
        if (e.cut) out = out.slice(0, at);
        else if (at < out.length) out[at] = e.byte;
      }
      return out;
    });

/** One edit of a workbook's cell: junk text, a number, cleared, or swapped with another. */
export const cellEdit = fc.record({
  kind: fc.constantFrom('text', 'number', 'clear', 'swap'),
  sheet: fc.nat(),
  row: fc.nat(),
  column: fc.nat(),
  row2: fc.nat(),
  column2: fc.nat(),
  text: junk,
  number: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e308, -0, 0.1 + 0.2, 2 ** 53)),
});
export type CellEdit = typeof cellEdit extends fc.Arbitrary<infer T> ? T : never;

/**
 * A workbook loaded once, written again with cell edits: each run edits the cells, writes the
 * file, and puts the old values back, so the runs do not pay exceljs's load each time.
 */
export async function workbookMutator(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const cellOf = (sheet: number, row: number, column: number) => {
    const ws = wb.worksheets[sheet % wb.worksheets.length] as ExcelJS.Worksheet;
    // One row and column past the used range: a cell a real file may add.
    return ws.getCell(1 + (row % (ws.rowCount + 1)), 1 + (column % (ws.columnCount + 1)));
  };
  return async (edits: readonly CellEdit[]): Promise<Uint8Array> => {
    const undo: [ExcelJS.Cell, ExcelJS.CellValue][] = [];
    const set = (cell: ExcelJS.Cell, value: ExcelJS.CellValue) => {
      undo.push([cell, cell.value]);
      cell.value = value;
    };
    for (const e of edits) {
      const cell = cellOf(e.sheet, e.row, e.column);
      if (e.kind === 'text') set(cell, e.text);
      else if (e.kind === 'number') set(cell, e.number);
      else if (e.kind === 'clear') set(cell, null);
      else {
        const other = cellOf(e.sheet, e.row2, e.column2);
        const value = cell.value;
        set(cell, other.value);
        set(other, value);
      }
    }
    try {
      return new Uint8Array(await wb.xlsx.writeBuffer());
    } finally {
      for (const [cell, value] of undo.reverse()) cell.value = value;
    }
  };
}
