import type { Finding, Location } from '../../core/finding.ts';
import type { AmountUnit } from '../../core/money.ts';
import type { GridRow } from '../tsv/tsv-grid.ts';
import { columnLetters } from '../xlsx/workbook-grid.ts';
import type { ColumnRef } from './mapping-schema.ts';
import type { ColumnResolver } from './resolve-column.ts';

/**
 * One data row as every row reader sees it: mapped cells by reference, and where to report a
 * cell that cannot be read (the finding names file, sheet, cell, header and what was found).
 */
export interface MappedRow {
  readonly line: number;
  /** The column a reference resolved to (null when it matched none). */
  column(ref: ColumnRef): number | null;
  /** A mapped cell's text as written ('' when empty or unresolved). */
  text(ref: ColumnRef): string;
  /** Where a mapped cell is. */
  at(ref: ColumnRef): Location;
  /** Records an error at a mapped cell; reading goes on so every problem is reported at once. */
  problem(code: string, ref: ColumnRef, expected: string, found: string): void;
}

export interface RowScope {
  file?: string;
  sheet?: string;
  headers: readonly string[];
  resolve: ColumnResolver;
  unit: AmountUnit;
  findings: Finding[];
}

export function mappedRow(row: GridRow, scope: RowScope): MappedRow {
  const column = (ref: ColumnRef) => scope.resolve(ref);
  const at = (ref: ColumnRef): Location => {
    const index = column(ref) ?? 0;
    return {
      file: scope.file,
      sheet: scope.sheet,
      line: row.line,
      column: index + 1,
      cell: `${columnLetters(index + 1)}${row.line}`,
      columnName: scope.headers[index] || undefined,
    };
  };
  return {
    line: row.line,
    column,
    text: (ref) => {
      const i = column(ref);
      return i === null ? '' : (row.cells[i] ?? '');
    },
    at,
    problem: (code, ref, expected, found) => {
      scope.findings.push({
        severity: 'error',
        code,
        location: at(ref),
        expected,
        found,
        params: { unit: scope.unit },
      });
    },
  };
}
