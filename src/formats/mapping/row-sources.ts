import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { GridRow } from '../tsv/tsv-grid.ts';
import { cellText } from '../xlsx/workbook-grid.ts';

/**
 * Rows of a workbook's sheet read as a stream (exceljs's streaming reader): a workbook of tens
 * of MB is never held whole as cell objects, only one row at a time, so memory stays bounded.
 * `onProgress` gets the bytes read so far and the total, for a progress bar.
 */
export async function* xlsxRows(
  bytes: Uint8Array,
  sheet: string | number,
  onProgress?: (read: number, total: number) => void,
): AsyncGenerator<GridRow & { sheet: string }> {
  let read = 0;
  const total = bytes.length;
  const chunk = 1 << 16;
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < total; i += chunk) {
        const part = bytes.subarray(i, Math.min(total, i + chunk));
        read += part.length;
        onProgress?.(read, total);
        yield Buffer.from(part.buffer, part.byteOffset, part.length);
      }
    })(),
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let position = 0;
  for await (const worksheet of reader) {
    position++;
    const ws = worksheet as unknown as ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>;
    const wanted = typeof sheet === 'number' ? position === sheet : ws.name === sheet;
    if (!wanted) {
      // The reader must still be drained sheet by sheet.
      for await (const _ of ws) void _;
      continue;
    }
    for await (const row of ws) {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
      yield { line: row.number, cells, sheet: ws.name };
    }
    return;
  }
}

/** Rows of a CSV text (RFC 4180: commas, quotes doubled inside quoted cells, CRLF or LF). */
export function* csvRows(text: string): Generator<GridRow> {
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      cells.push(cell);
      yield { line: rowLine, cells };
      cells = [];
      cell = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      rowLine = line;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    yield { line: rowLine, cells };
  }
}
