import { SouseiError } from '../../core/errors.ts';
import { parseCsv } from '../../formats/csv/csv-grid.ts';
import { decodeText } from '../../formats/decode-text.ts';
import { xlsxRows } from '../../formats/mapping/row-sources.ts';
import type { SampleRow } from './sheet-layout.ts';

/** The rows a suggestion reads of each sheet: headers and enough data to see runs repeat. */
export const SAMPLE_ROWS = 300;
/** Sheets looked at when none is named (a workbook's cover, notes and the table). */
const MAX_SHEETS = 12;

export interface SampleSheet {
  /** The sheet's name; undefined for CSV. */
  name?: string;
  rows: SampleRow[];
}

const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

async function firstRows(bytes: Uint8Array, sheet: string | number, file: string) {
  const rows: SampleRow[] = [];
  let name: string | undefined;
  for await (const row of xlsxRows(bytes, sheet, undefined, file)) {
    name = row.sheet;
    // Read to the end: leaving exceljs's streaming reader early makes later reads of a workbook
    // fail now and then (its worksheet parsed before the workbook part); only the first rows
    // are kept, so memory stays bounded.
    if (rows.length < SAMPLE_ROWS) rows.push({ line: row.line, cells: row.cells });
  }
  return { name, rows };
}

/**
 * The first rows of a workbook's sheets (the named one, else each sheet until an empty one) or
 * of a CSV. Read as a stream keeping only the first rows: a large workbook is never held whole.
 */
export async function readSampleSheets(
  bytes: Uint8Array,
  fileName: string,
  sheet?: string,
): Promise<SampleSheet[]> {
  if (!isXlsx(bytes)) {
    const decoded = decodeText(bytes, fileName);
    if (!decoded.ok)
      throw new SouseiError('invalid-input', 'import.invalid', { count: 1 }, [decoded.finding]);
    return [{ rows: parseCsv(decoded.text, fileName).slice(0, SAMPLE_ROWS) }];
  }
  try {
    if (sheet !== undefined) {
      const wanted = /^\d+$/.test(sheet) ? Number(sheet) : sheet;
      const { name, rows } = await firstRows(bytes, wanted, fileName);
      return [{ name: name ?? sheet, rows }];
    }
    const sheets: SampleSheet[] = [];
    for (let position = 1; position <= MAX_SHEETS; position++) {
      const { name, rows } = await firstRows(bytes, position, fileName);
      if (!name) break;
      sheets.push({ name, rows });
    }
    return sheets;
  } catch (e) {
    if (e instanceof SouseiError) throw e;
    throw new SouseiError('invalid-input', 'import.invalid', { count: 1 }, [
      {
        severity: 'error',
        code: 'xlsx.unreadable',
        location: { file: fileName },
        expected: 'xlsx',
      },
    ]);
  }
}
