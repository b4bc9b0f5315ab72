import { isKanaOnly, isNumberText, yearOf } from './sheet-text.ts';

export interface SampleRow {
  /** 1-based row number in the sheet. */
  line: number;
  cells: string[];
}

/** Where a sheet's header, furigana and data rows are. */
export interface SheetLayout {
  headerRows: number[];
  furiganaRows: number[];
  dataStartRow: number;
  /** Texts above the headers (a title, 「単位：千円」): read for the plan's name, year and unit. */
  titleTexts: string[];
}

const filled = (row: SampleRow) => row.cells.filter((c) => c.trim() !== '');

/** A data row: several numbers among its cells (not only years, as a header of years has). */
function isDataRow(row: SampleRow): boolean {
  const texts = filled(row);
  const numbers = texts.filter(isNumberText);
  const years = numbers.filter((n) => /^(19|20)\d{2}$/.test(n.trim()) && yearOf(n) !== null);
  return (
    numbers.length >= 2 && numbers.length > years.length && numbers.length / texts.length >= 0.25
  );
}

const isFuriganaRow = (row: SampleRow) => {
  const texts = filled(row);
  return texts.length > 0 && texts.every(isKanaOnly);
};

/**
 * Finds the header rows (rows of mostly text just before the first rows of mostly numbers),
 * skipping furigana rows (all kana, under a header) and a unit row between headers and data.
 * Null when no row looks like data.
 */
export function findLayout(rows: readonly SampleRow[]): SheetLayout | null {
  const start = rows.findIndex(isDataRow);
  if (start === -1) return null;
  const headerRows: number[] = [];
  const furiganaRows: number[] = [];
  let skipped = 0;
  let i = start - 1;
  for (; i >= 0; i--) {
    const row = rows[i] as SampleRow;
    const texts = filled(row);
    if (texts.length === 0) {
      if (headerRows.length > 0) break;
      continue;
    }
    if (isFuriganaRow(row) && texts.length >= 2) {
      furiganaRows.push(row.line);
      continue;
    }
    if (texts.length >= 2) {
      headerRows.push(row.line);
      continue;
    }
    // One lone cell: a unit note between headers and data, or the title above the headers.
    if (headerRows.length > 0 || ++skipped > 3) break;
  }
  const first = headerRows.at(-1) ?? rows[start]?.line ?? 1;
  const titleTexts = rows
    .filter(
      (r) =>
        r.line < first ||
        (headerRows.length > 0 &&
          filled(r).length === 1 &&
          r.line < (rows[start]?.line ?? 0) &&
          !headerRows.includes(r.line)),
    )
    .flatMap(filled);
  return {
    headerRows: headerRows.reverse(),
    furiganaRows: furiganaRows.reverse(),
    dataStartRow: (rows[start] as SampleRow).line,
    titleTexts,
  };
}
