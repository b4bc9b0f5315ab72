import { SouseiError } from '../../core/errors.ts';
import { parseCsv } from '../../formats/csv/csv-grid.ts';
import { xlsxRows } from '../../formats/mapping/row-sources.ts';
import { type ImportSource, isZip, readTextSource } from '../import/import-source.ts';
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

async function firstRows(source: ImportSource, sheet: string | number, file: string) {
  const rows: SampleRow[] = [];
  let name: string | undefined;
  for await (const row of xlsxRows(source, sheet, undefined, file)) {
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
  source: ImportSource,
  fileName: string,
  sheet?: string,
): Promise<SampleSheet[]> {
  if (!(await isZip(source))) {
    const decoded = await readTextSource(source, fileName);
    if (!decoded.ok)
      throw new SouseiError('invalid-input', 'import.invalid', { count: 1 }, [decoded.finding]);
    return [{ rows: parseCsv(decoded.text, fileName).slice(0, SAMPLE_ROWS) }];
  }
  try {
    if (sheet !== undefined) {
      const wanted = /^\d+$/.test(sheet) ? Number(sheet) : sheet;
      const { name, rows } = await firstRows(source, wanted, fileName);
      return [{ name: name ?? sheet, rows }];
    }
    const sheets: SampleSheet[] = [];
    for (let position = 1; position <= MAX_SHEETS; position++) {
      const { name, rows } = await firstRows(source, position, fileName);
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
