import ExcelJS from 'exceljs';
import { inputLimitError, limitValue } from '../../core/input-limits.ts';
import { type BytesOrSource, readSourceWhole, sourceSize, toSource } from '../byte-source.ts';
import { GridLimits } from '../grid-limits.ts';
import type { GridRow } from '../tsv/tsv-grid.ts';
// Furigana (phonetic runs) are never a cell's text: see the module.
import './phonetic-runs.ts';
import { guardZip } from './zip-guard.ts';

/**
 * A worksheet as rows of cell text, so the table readers work the same on TSV and xlsx.
 * Numbers become exact decimal text (Excel's float noise 2551.0100000000002 → 2551.01: 15
 * significant digits is what Excel itself keeps), merged cells hold their value once (in their
 * top-left cell, as a TSV export would), and underlined runs of rich text are wrapped in
 * <u>…</u>: the underline is how the city's form marks KPI results.
 */
export interface SheetGrid {
  name: string;
  rows: GridRow[];
}

function numberText(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const fixed = value.toPrecision(15);
  return fixed.includes('e') ? String(value) : fixed.replace(/\.?0+$/, '');
}

function richText(runs: ExcelJS.RichText[]): string {
  return runs
    .map((r) => {
      if (!r.font?.underline || r.text.trim() === '') return r.text;
      // Keep the spaces around an underlined run outside the mark.
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(r.text);
      return m ? `${m[1]}<u>${m[2]}</u>${m[3]}` : r.text;
    })
    .join('');
}

export function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master !== cell) return '';
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return richText(v.richText);
    if ('result' in v) {
      const r = v.result;
      return typeof r === 'number' ? numberText(r) : r === undefined || r === null ? '' : String(r);
    }
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

/** Column letters of a 1-based column number (4 → D, 27 → AA), for cell addresses in findings. */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Every sheet of a workbook, loaded whole: refused first if it would inflate past
 * INPUT_LIMITS.xlsxLoadedBytes, then while its rows are read past the rows and cells limits.
 * exceljs's `load` needs the whole archive in memory (it has no random access), so a file is
 * read only after its size (stat) and its inflated size (the guard, by random access) passed
 * that bound: at most 20 MB of file are ever held here.
 */
export async function readWorkbookGrids(input: BytesOrSource, file?: string): Promise<SheetGrid[]> {
  const source = toSource(input);
  // A workbook whose entries inflate to at most the bound is no larger than it on disk.
  if ((await sourceSize(source)) > limitValue('xlsx-loaded-size')) {
    throw inputLimitError('xlsx-loaded-size', { file });
  }
  await guardZip(source, 'xlsx-loaded-size', file);
  const bytes = await readSourceWhole(source);
  const workbook = new ExcelJS.Workbook();
  // exceljs's types want a Node Buffer; the bytes are the file as read.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: GridRow[] = [];
    const limits = new GridLimits(file);
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      // Every row as wide as the sheet: a sheet has no cut-off rows (unlike a truncated TSV).
      for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c++) {
        limits.cell(r);
        cells.push(cellText(row.getCell(c)));
      }
      limits.row(r);
      rows.push({ line: r, cells });
    }
    return { name: sheet.name, rows };
  });
}
