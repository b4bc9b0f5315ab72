import { type Options, parse } from 'csv-parse/sync';
import { INPUT_LIMITS, inputLimitError } from '../../core/input-limits.ts';
import { GridLimits } from '../grid-limits.ts';
import type { GridRow } from '../tsv/tsv-grid.ts';

/**
 * Comma-separated text as Excel writes it (RFC 4180), read by csv-parse: comma between cells,
 * CRLF, LF or CR between rows (mixed in one file too), a cell holding a comma, a quote or a line
 * break wrapped in double quotes with inner quotes doubled, rows of any length, a leading BOM
 * dropped. A quote inside an unquoted cell is text, and so is a quoted cell followed by more
 * text (`"a"b` reads `"a"b`); an unclosed quote runs to the end of the file.
 */
export const CSV_OPTIONS: Options = {
  bom: true,
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: false,
  record_delimiter: ['\r\n', '\n', '\r'],
  // One row may not hold more than a whole text file may: an unclosed quote in a streamed file
  // would otherwise gather the rest of it into one cell in memory.
  max_record_size: INPUT_LIMITS.textBytes,
};

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Turns csv-parse's records into rows carrying the line each starts on, counting rows and cells
 * against INPUT_LIMITS. A row's line breaks are all inside its quoted cells (the one ending it
 * is not kept), so the next row starts that many lines further, plus one.
 */
export class CsvRowLines {
  private line = 1;
  private readonly limits: GridLimits;

  constructor(private readonly file: string | undefined) {
    this.limits = new GridLimits(file);
  }

  /** The line the next row starts on. */
  get nextLine(): number {
    return this.line;
  }

  row(cells: string[]): GridRow {
    const line = this.line;
    let breaks = 0;
    for (const cell of cells) {
      this.limits.cell(line);
      if (cell.includes('\n') || cell.includes('\r')) breaks += cell.match(LINE_BREAK)?.length ?? 0;
    }
    this.limits.row(line);
    this.line += breaks + 1;
    return { line, cells };
  }

  /** csv-parse's error as the reader's typed one; an unclosed quote is not an error here. */
  failure(error: unknown): unknown {
    if (csvErrorCode(error) === 'CSV_MAX_RECORD_SIZE') {
      return inputLimitError('text-size', { file: this.file, line: this.line });
    }
    return error;
  }
}

export function csvErrorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

/**
 * The rows of a text whose last quoted cell never closes (`tail`, from the start of its row):
 * the cell runs to the end, as Excel reads it — parsed again with the quote closed.
 */
export function unclosedTailRows(tail: string, lines: CsvRowLines): GridRow[] {
  const rows: GridRow[] = [];
  try {
    parse(`${tail}"`, {
      ...CSV_OPTIONS,
      bom: false,
      on_record: (cells: string[]) => {
        rows.push(lines.row(cells));
        return null;
      },
    });
  } catch (e) {
    throw lines.failure(e);
  }
  return rows;
}

/** Over a limit of INPUT_LIMITS it throws the limit's typed error naming `file` and the line. */
export function parseCsv(text: string, file?: string): GridRow[] {
  const lines = new CsvRowLines(file);
  const rows: GridRow[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Where the last whole row ended, in UTF-8 bytes as csv-parse counts them.
  let parsedBytes = 0;
  try {
    parse(body, {
      ...CSV_OPTIONS,
      on_record: (cells: string[], info: { bytes: number }) => {
        rows.push(lines.row(cells));
        parsedBytes = info.bytes;
        return null;
      },
    });
  } catch (e) {
    if (csvErrorCode(e) !== 'CSV_QUOTE_NOT_CLOSED') throw lines.failure(e);
    const tail = Buffer.from(body, 'utf8').subarray(parsedBytes).toString('utf8');
    rows.push(...unclosedTailRows(tail, lines));
  }
  return rows;
}

function quoteIfNeeded(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function formatCsv(rows: readonly (readonly string[])[], lineBreak = '\r\n'): string {
  return rows.map((row) => row.map(quoteIfNeeded).join(',')).join(lineBreak) + lineBreak;
}
