import { GridLimits } from '../grid-limits.ts';
import type { GridRow } from '../tsv/tsv-grid.ts';

/**
 * Comma-separated text as Excel writes it (RFC 4180): comma between cells, CRLF, LF or CR between
 * rows, a cell holding a comma, a quote or a line break wrapped in double quotes with inner quotes
 * doubled. Rows carry the line they start on, so a finding can name it even when a quoted cell
 * spans lines. A quote inside an unquoted cell is text; an unclosed quote runs to the end.
 */
/** Over a limit of INPUT_LIMITS it throws the limit's typed error naming `file` and the line. */
export function parseCsv(text: string, file?: string): GridRow[] {
  const limits = new GridLimits(file);
  const rows: GridRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    limits.cell(rowLine);
    cells.push(cell);
    limits.row(rowLine);
    rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && cell === '') {
      // A quoted cell: up to the closing quote; text after it up to the comma is kept as text.
      i++;
      while (i < n) {
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line++;
        cell += q;
        i++;
      }
      // Keep the cell non-empty-looking so a following quote is not read as another opening.
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        cell += text[i];
        i++;
      }
      if (i >= n) break;
      continue;
    }
    if (ch === ',') {
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
  if (cell !== '' || cells.length > 0 || (n > 0 && text[n - 1] === '"')) endRow();
  return rows;
}

function quoteIfNeeded(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function formatCsv(rows: readonly (readonly string[])[], lineBreak = '\r\n'): string {
  return rows.map((row) => row.map(quoteIfNeeded).join(',')).join(lineBreak) + lineBreak;
}
