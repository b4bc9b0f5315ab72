import { GridLimits } from '../grid-limits.ts';

/**
 * Tab-separated text as Excel reads and writes it: tab between cells, CRLF, LF or CR between
 * rows, and a cell holding a tab, a line break or a leading double quote wrapped in quotes with
 * inner quotes doubled. A cell that merely starts with a quote but does not close it is text.
 */
export interface GridRow {
  /** 1-based line where the row starts in the file. */
  line: number;
  cells: string[];
}

/** Over a limit of INPUT_LIMITS it throws the limit's typed error naming `file` and the line. */
export function parseTsv(text: string, file?: string): GridRow[] {
  const limits = new GridLimits(file);
  const rows: GridRow[] = [];
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  let cell = '';
  const endRow = () => {
    limits.cell(rowLine);
    cells.push(cell);
    limits.row(rowLine);
    rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < n) {
    const quoted = cell === '' && text[i] === '"' ? readQuoted(text, i) : null;
    if (quoted) {
      cell = quoted.value;
      line += quoted.lineBreaks;
      i = quoted.end;
      continue;
    }
    const ch = text[i];
    if (ch === '\t') {
      limits.cell(rowLine);
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  // A last row without a final line break still counts; an empty tail after one does not.
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

function readQuoted(
  text: string,
  start: number,
): { value: string; end: number; lineBreaks: number } | null {
  let value = '';
  let i = start + 1;
  let lineBreaks = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const next = text[i + 1];
      if (next === undefined || next === '\t' || next === '\r' || next === '\n') {
        return { value, end: i + 1, lineBreaks };
      }
      return null;
    }
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) lineBreaks++;
    value += ch;
    i++;
  }
  return null;
}

function quoteIfNeeded(cell: string): string {
  return /[\t\r\n]/.test(cell) || cell.startsWith('"') ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function formatTsv(rows: readonly (readonly string[])[], lineBreak = '\n'): string {
  return rows.map((row) => row.map(quoteIfNeeded).join('\t')).join(lineBreak) + lineBreak;
}
