import { columnLetters } from '../../formats/xlsx/workbook-grid.ts';
import type { SampleRow, SheetLayout } from './sheet-layout.ts';
import { isBlank, isCodeText, isNumberText, normaliseHeader } from './sheet-text.ts';

/** One column of the sheet as the suggestion sees it: its header and what its data look like. */
export interface SheetColumn {
  /** 0-based index; `letter` is its spreadsheet name (A, B, …, AA). */
  index: number;
  letter: string;
  /** Header rows joined top to bottom as the mapping reader reads them, spaces removed: the
   * text a suggested `{ header }` names (kept as written, so any reader's normal form matches). */
  header: string;
  /** `header` in NFKC, for recognising what the column holds. */
  key: string;
  /** The upper rows' label carried across a merged block (令和4年度, 指標1), normalised; raw. */
  upper: string;
  upperRaw: string;
  /** The lowest header row's own text, normalised. */
  own: string;
  /** Data cells of the sample, raw, in row order ('' where empty). */
  values: string[];
  filled: number;
  numbers: number;
  codes: number;
  distinct: number;
}

/** The spreadsheet name of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  return columnLetters(index + 1);
}

/**
 * Reads each column's header as the mapping reader does (an upper row's empty cell carries its
 * left neighbour's text: a merged 令和2年度 over its six columns) and profiles its data rows.
 */
export function readColumns(rows: readonly SampleRow[], layout: SheetLayout): SheetColumn[] {
  const lastHeader = layout.headerRows.at(-1);
  const headerRows = rows.filter((r) => layout.headerRows.includes(r.line));
  const data = rows.filter(
    (r) => r.line >= layout.dataStartRow && r.cells.some((c) => c.trim() !== ''),
  );
  const width = Math.max(
    0,
    ...headerRows.map((r) => r.cells.length),
    ...data.map((r) => r.cells.length),
  );
  const upper: string[] = Array(width).fill('');
  const own: string[] = Array(width).fill('');
  for (const row of headerRows) {
    const isUpper = row.line !== lastHeader;
    let left = '';
    for (let i = 0; i < width; i++) {
      const text = (row.cells[i] ?? '').replace(/\s+/g, '');
      if (isUpper) {
        const carried = text || left;
        if (text) left = text;
        upper[i] += carried;
      } else own[i] = text;
    }
  }
  return Array.from({ length: width }, (_, i) => {
    const values = data.map((r) => r.cells[i] ?? '');
    const present = values.filter((v) => !isBlank(v));
    return {
      index: i,
      letter: columnLetter(i),
      header: (upper[i] ?? '') + (own[i] ?? ''),
      key: normaliseHeader((upper[i] ?? '') + (own[i] ?? '')),
      upper: normaliseHeader(upper[i] ?? ''),
      upperRaw: upper[i] ?? '',
      own: normaliseHeader(own[i] ?? ''),
      values,
      filled: present.length,
      numbers: present.filter(isNumberText).length,
      codes: present.filter(isCodeText).length,
      distinct: new Set(present.map((v) => v.trim())).size,
    };
  });
}

/** Mostly numbers (amounts, targets), or mostly text. */
export const isNumeric = (c: SheetColumn) => c.filled > 0 && c.numbers / c.filled >= 0.8;
export const isTextual = (c: SheetColumn) => c.filled > 0 && c.numbers / c.filled < 0.5;
