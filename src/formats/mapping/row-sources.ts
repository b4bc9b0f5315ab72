import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type BytesOrSource, sourceSize, sourceStream, toSource } from '../byte-source.ts';
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
  input: BytesOrSource,
  sheet: string | number,
  onProgress?: (read: number, total: number) => void,
  file?: string,
): AsyncGenerator<GridRow & { sheet: string }> {
  // A file is read from disk in chunks, never whole: by random access to guard it, then as a
  // stream for exceljs, the progress counted from the bytes read.
  const source = toSource(input);
  await guardZip(source, 'xlsx-size', file);
  const total = await sourceSize(source);
  for (let attempt = 1; ; attempt++) {
    const stream = sourceStream(source, (read) => onProgress?.(read, total));
    let yielded = false;
    try {
      for await (const row of streamedRows(stream, sheet, file)) {
        yielded = true;
        yield row;
      }
      return;
    } catch (e) {
      if (yielded || attempt >= READ_ATTEMPTS || !isLostWorkbookPart(e)) throw e;
    } finally {
      // The wanted sheet may end before the file does: close the file now, not at exit.
      stream.destroy();
    }
  }
}

/**
 * exceljs's streaming reader now and then ends its pass over the archive without reading its
 * last entry; where that entry is xl/workbook.xml (exceljs and Excel write it after the
 * sheets), the deferred sheets then fail on the missing workbook model. Measured with two busy
 * cores: 12–27 of 360 reads of one workbook. Nothing has been read from the sheet yet when it
 * happens, so the file is simply read again from its start (a file or bytes, never a pipe).
 */
const READ_ATTEMPTS = 5;

function isLostWorkbookPart(e: unknown): boolean {
  return (
    e instanceof TypeError &&
    /reading 'sheets'/.test(e.message) &&
    /workbook-reader/.test(e.stack ?? '')
  );
}

async function* streamedRows(
  stream: Readable,
  sheet: string | number,
  file: string | undefined,
): AsyncGenerator<GridRow & { sheet: string }> {
  const limits = new GridLimits(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
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
