import type { Finding, Location } from '../../core/finding.ts';
import { isNoValue } from '../../core/no-value.ts';
import type { GridRow } from '../tsv/tsv-grid.ts';
import { columnLetters } from '../xlsx/workbook-grid.ts';
import type { ColumnRef, Mapping } from './mapping-schema.ts';
import type { SheetHeader } from './read-headers.ts';
import { type ColumnResolver, normaliseHeader } from './resolve-column.ts';

/**
 * One data row as every row reader sees it: mapped cells by reference, and where to report a
 * cell that cannot be read (the finding names file, sheet, cell, header and what was found).
 */
export interface MappedRow {
  readonly line: number;
  /** The column a reference resolved to (null when it matched none). */
  column(ref: ColumnRef): number | null;
  /** A mapped cell's text as written ('' when empty or unresolved). */
  raw(ref: ColumnRef): string;
  /**
   * A mapped cell's text to store, trimmed: '' when it means no value (a dash, a mapping's
   * emptyTokens); through the reference's value map when it has one.
   */
  text(ref: ColumnRef): string;
  /** Where a mapped cell is. */
  at(ref: ColumnRef): Location;
  /**
   * Records a cell that cannot be read: an error, or a warning when the reference says
   * `onUnreadable: "empty"` (the caller then stores no value). Reading goes on either way, so
   * every problem is reported at once.
   */
  problem(
    code: string,
    ref: ColumnRef,
    expected: string,
    found: string,
    params?: Finding['params'],
  ): void;
  /** Records a warning at a mapped cell, or at the row when there is no cell (`ref` null). */
  warn(code: string, ref: ColumnRef | null, found: string, params?: Finding['params']): void;
}

export interface RowScope {
  file?: string;
  sheet?: string;
  header: SheetHeader;
  resolve: ColumnResolver;
  mapping: Mapping;
  findings: Finding[];
}

const valueKey = (text: string) => normaliseHeader(text);

export function mappedRow(row: GridRow, scope: RowScope): MappedRow {
  const column = (ref: ColumnRef) => scope.resolve(ref);
  const tokens = scope.mapping.emptyTokens;
  const texts = new Map<ColumnRef, string>();
  const at = (ref: ColumnRef): Location => {
    const index = column(ref) ?? 0;
    return {
      file: scope.file,
      sheet: scope.sheet,
      line: row.line,
      column: index + 1,
      cell: `${columnLetters(index + 1)}${row.line}`,
      columnName: scope.header.texts[index] || undefined,
    };
  };
  const raw = (ref: ColumnRef) => {
    const i = column(ref);
    return i === null ? '' : (row.cells[i] ?? '');
  };
  const mapped: MappedRow = {
    line: row.line,
    column,
    raw,
    at,
    problem: (code, ref, expected, found, params) => {
      const lenient = typeof ref === 'object' && ref.onUnreadable === 'empty';
      scope.findings.push({
        severity: lenient ? 'warning' : 'error',
        code,
        location: at(ref),
        expected,
        found,
        params: { unit: scope.mapping.amountUnit, ...params, ...(lenient && { stored: 'empty' }) },
      });
    },
    warn: (code, ref, found, params) => {
      const location = ref ? at(ref) : { file: scope.file, sheet: scope.sheet, line: row.line };
      scope.findings.push({ severity: 'warning', code, location, found, params });
    },
    text: (ref) => {
      // Memoised: a value-map problem is reported once however often a reader asks.
      let text = texts.get(ref);
      if (text === undefined) {
        text = storedText(ref);
        texts.set(ref, text);
      }
      return text;
    },
  };
  function storedText(ref: ColumnRef): string {
    const text = raw(ref).trim();
    if (isNoValue(text, tokens)) return '';
    if (typeof ref !== 'object' || !ref.values) return text;
    const entry = Object.entries(ref.values).find(([k]) => valueKey(k) === valueKey(text));
    if (entry) return entry[1];
    const keys = Object.keys(ref.values).join(', ');
    mapped.problem('mapping.value-not-mapped', ref, 'mapped-value', text, { keys });
    return '';
  }
  return mapped;
}
