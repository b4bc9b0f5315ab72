import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { GridLimits } from '../grid-limits.ts';
import type { GridRow } from '../tsv/tsv-grid.ts';
import '../xlsx/phonetic-runs.ts';
import { cellText } from '../xlsx/workbook-grid.ts';
import { guardZip } from '../xlsx/zip-guard.ts';

/**
 * Rows of a workbook's sheet read as a stream (exceljs's streaming reader): a workbook of tens
 * of MB is never held whole as cell objects, only one row at a time, so memory stays bounded.
 * `onProgress` gets the bytes read so far and the total, for a progress bar. A workbook over
 * INPUT_LIMITS (inflated bytes, rows, cells) is refused with the limit's typed error.
 */
export async function* xlsxRows(
  bytes: Uint8Array,
  sheet: string | number,
  onProgress?: (read: number, total: number) => void,
  file?: string,
): AsyncGenerator<GridRow & { sheet: string }> {
  await guardZip(bytes, 'xlsx-size', file);
  const limits = new GridLimits(file);
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
      for (let c = 1; c <= row.cellCount; c++) {
        limits.cell(row.number);
        cells.push(cellText(row.getCell(c)));
      }
      limits.row(row.number);
      yield { line: row.number, cells, sheet: ws.name };
    }
    return;
  }
}
