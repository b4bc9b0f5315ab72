import { z } from 'zod';
import type { Finding } from '../../core/finding.ts';
import { type FiscalYear, parseFiscalYear } from '../../core/fiscal-year.ts';
import { toHalfWidth } from '../../core/half-width.ts';
import type { KpiDirection, KpiKind, KpiScope } from '../../core/kpi.ts';
import {
  parseAsOfDate,
  parseKpiDirection,
  parseKpiKind,
  parseKpiNumber,
  parseKpiScope,
} from '../../core/kpi-input.ts';
import { isNoValue } from '../../core/no-value.ts';
import type { GridRow } from '../tsv/tsv-grid.ts';

/**
 * The KPI table (docs/kpi-import.md): one KPI a row, columns found by their headers in any order.
 * It reads rows of cells, not a file: the CSV reader gives them today, an xlsx sheet's rows
 * (with their row numbers as `line`) read the same way. Every cell is validated with zod and
 * every bad one is reported with its line, column and header, what was expected and what was
 * found; rows with a problem are left out, so a caller writes only when there are no findings.
 */

/** The fixed columns: key, header as written in the file. */
export const KPI_BASE_COLUMNS = [
  ['scope', '区分'],
  ['owner', '対象'],
  ['name', '指標名'],
  ['unit', '単位'],
  ['direction', '方向'],
  ['kind', '種類'],
  ['baselineValue', '基準値'],
  ['baselineYear', '基準年度'],
  ['targetValue', '目標値'],
  ['targetYear', '目標年度'],
] as const;

type BaseKey = (typeof KPI_BASE_COLUMNS)[number][0];

/** Per-year columns: 目標_R3, 実績_R2, 実績日_R2, 出典_R2 (the year as parseFiscalYear reads it). */
export const KPI_YEAR_COLUMNS = [
  ['target', '目標'],
  ['actual', '実績'],
  ['asOf', '実績日'],
  ['source', '出典'],
] as const;

type YearKey = (typeof KPI_YEAR_COLUMNS)[number][0];

export interface KpiTableActual {
  fiscalYear: FiscalYear;
  value: number;
  asOf: string | null;
  source: string | null;
  /** Where the 実績 cell is, for findings about it made later (a closed year). */
  column: number;
  columnName: string;
}

export interface KpiTableRow {
  line: number;
  scope: KpiScope;
  /** 対象 as written: the goal's or measure's title, or the project's number. */
  owner: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  kind: KpiKind;
  baseline: { value: number; fiscalYear: FiscalYear } | null;
  target: { value: number; fiscalYear: FiscalYear };
  yearTargets: { fiscalYear: FiscalYear; value: number }[];
  actuals: KpiTableActual[];
  /** 1-based column of each fixed column, for findings made later (対象 not in the plan). */
  columns: Record<BaseKey, number>;
}

/** A row left out for a bad cell whose 区分 and 対象 read: its owner can still be checked. */
export interface KpiTableOwnerRef {
  line: number;
  scope: KpiScope;
  owner: string;
  column: number;
}

export interface KpiTable {
  rows: KpiTableRow[];
  /** Rows with bad cells whose 区分 and 対象 read, so every bad cell is reported at once. */
  partial: KpiTableOwnerRef[];
  findings: Finding[];
  /** Fiscal years the table has columns for. */
  fiscalYears: FiscalYear[];
}

interface Column {
  /** 1-based. */
  index: number;
  header: string;
  key: string;
}

const MAX_TEXT = 500;
const MAX_UNIT = 50;

const normHeader = (text: string) => toHalfWidth(text).replace(/\s+/g, '');

const YEAR_HEADER = /^(目標|実績日|実績|出典)_?(.+)$/;

function yearColumn(header: string): { key: YearKey; fiscalYear: FiscalYear } | null {
  const m = YEAR_HEADER.exec(header);
  if (!m) return null;
  const fiscalYear = parseFiscalYear(m[2] ?? '');
  const key = KPI_YEAR_COLUMNS.find(([, label]) => label === m[1])?.[0];
  return fiscalYear === null || !key ? null : { key, fiscalYear };
}

// Cell schemas. A cell arrives as text; an issue's message is a finding code, its params name
// the catalogue entry under `expected.` that says what the cell should hold.
type Issue = { message: string; params: { expected: string } };
const issue = (message: string, expected: string): Issue => ({ message, params: { expected } });

function parsed<T>(parse: (s: string) => T | null, expected: string, required: boolean) {
  return z.string().transform((raw, ctx): T | null => {
    const s = raw.trim();
    // A dash of any kind (‐ – — －) in a value cell means no value, as in every importer.
    if (isNoValue(s)) {
      if (required) ctx.addIssue({ code: 'custom', ...issue('kpi.import.required', expected) });
      return null;
    }
    const value = parse(s);
    if (value === null) {
      ctx.addIssue({ code: 'custom', ...issue('kpi.import.unreadable', expected) });
      return z.NEVER;
    }
    return value;
  });
}

function text(max: number, expected: string, required: boolean) {
  return z.string().transform((raw, ctx): string | null => {
    const s = raw.trim();
    if (s === '') {
      if (required) ctx.addIssue({ code: 'custom', ...issue('kpi.import.required', expected) });
      return null;
    }
    if (s.length > max) {
      ctx.addIssue({ code: 'custom', ...issue('kpi.import.too-long', `kpi-text-${max}`) });
      return z.NEVER;
    }
    return s;
  });
}

const BASE_SCHEMAS = {
  scope: parsed(parseKpiScope, 'kpi-scope', true),
  owner: text(MAX_TEXT, 'kpi-owner', true),
  name: text(MAX_TEXT, 'kpi-name', true),
  unit: text(MAX_UNIT, 'kpi-unit', true),
  direction: parsed(parseKpiDirection, 'kpi-direction', true),
  kind: parsed(parseKpiKind, 'kpi-kind', true),
  baselineValue: parsed(parseKpiNumber, 'kpi-number', false),
  baselineYear: parsed(parseFiscalYear, 'kpi-fiscal-year', false),
  targetValue: parsed(parseKpiNumber, 'kpi-number', true),
  targetYear: parsed(parseFiscalYear, 'kpi-fiscal-year', true),
} satisfies Record<BaseKey, z.ZodType>;

const YEAR_SCHEMAS: Record<YearKey, z.ZodType> = {
  target: parsed(parseKpiNumber, 'kpi-number', false),
  actual: parsed(parseKpiNumber, 'kpi-number', false),
  asOf: parsed(parseAsOfDate, 'kpi-date', false),
  source: text(MAX_TEXT, 'kpi-source', false),
};

const yearKey = (key: YearKey, fy: FiscalYear) => `${key}:${fy}`;

export function readKpiTable(grid: readonly GridRow[], options: { file?: string } = {}): KpiTable {
  const file = options.file;
  const findings: Finding[] = [];
  const headerRow = grid.find((r) => r.cells.some((c) => normHeader(c) === '指標名'));
  if (!headerRow) {
    findings.push({
      severity: 'error',
      code: 'kpi.import.header-not-found',
      location: { file, line: grid[0]?.line ?? 1 },
      expected: 'kpi-header',
    });
    return { rows: [], partial: [], findings, fiscalYears: [] };
  }
  const columns: Column[] = [];
  const seen = new Map<string, Column>();
  for (const [i, cell] of headerRow.cells.entries()) {
    const header = normHeader(cell);
    if (header === '') continue;
    const at = { file, line: headerRow.line, column: i + 1, columnName: cell.trim() };
    const base = KPI_BASE_COLUMNS.find(([, label]) => label === header)?.[0];
    const year = base ? null : yearColumn(header);
    const key = base ?? (year ? yearKey(year.key, year.fiscalYear) : null);
    if (!key) {
      findings.push({
        severity: 'error',
        code: 'kpi.import.unknown-column',
        location: at,
        expected: 'kpi-column',
        found: cell.trim(),
      });
      continue;
    }
    const before = seen.get(key);
    if (before) {
      findings.push({
        severity: 'error',
        code: 'kpi.import.duplicate-column',
        location: at,
        found: cell.trim(),
        params: { firstColumn: before.index },
      });
      continue;
    }
    const column = { index: i + 1, header: cell.trim(), key };
    seen.set(key, column);
    columns.push(column);
  }
  for (const [key, label] of KPI_BASE_COLUMNS) {
    if (seen.has(key)) continue;
    findings.push({
      severity: 'error',
      code: 'kpi.import.missing-column',
      location: { file, line: headerRow.line },
      expected: 'kpi-header',
      params: { column: label },
    });
  }
  const fiscalYears = [
    ...new Set(columns.filter((c) => c.key.includes(':')).map((c) => Number(c.key.split(':')[1]))),
  ].sort((a, b) => a - b);
  if (findings.length > 0) return { rows: [], partial: [], findings, fiscalYears };

  const shape: Record<string, z.ZodType> = { ...BASE_SCHEMAS };
  for (const c of columns) {
    const [key] = c.key.split(':') as [string];
    if (c.key.includes(':')) shape[c.key] = YEAR_SCHEMAS[key as YearKey];
  }
  const rowSchema = z.object(shape);
  // Cross-cell rules on the raw cells: they run even when a cell of the row cannot be read.
  const pairs = z.record(z.string(), z.string()).superRefine((raw, ctx) => {
    const filled = (key: string) => (raw[key] ?? '').trim() !== '';
    if (filled('baselineValue') !== filled('baselineYear')) {
      ctx.addIssue({
        code: 'custom',
        path: [filled('baselineValue') ? 'baselineYear' : 'baselineValue'],
        ...issue('kpi.import.baseline-pair', 'kpi-baseline-pair'),
      });
    }
    for (const fy of fiscalYears) {
      if (filled(yearKey('actual', fy))) continue;
      for (const detail of ['asOf', 'source'] as const) {
        if (filled(yearKey(detail, fy))) {
          ctx.addIssue({
            code: 'custom',
            path: [yearKey(detail, fy)],
            ...issue('kpi.import.detail-without-actual', 'kpi-actual-first'),
          });
        }
      }
    }
  });

  const byKey = new Map(columns.map((c) => [c.key, c]));
  const rows: KpiTableRow[] = [];
  const partial: KpiTableOwnerRef[] = [];
  for (const row of grid) {
    if (row.line <= headerRow.line) continue;
    if (row.cells.every((c) => c.trim() === '')) continue;
    let rowOk = true;
    const raw: Record<string, string> = {};
    for (const [i, cell] of row.cells.entries()) {
      const column = columns.find((c) => c.index === i + 1);
      if (column) raw[column.key] = cell;
      else if (cell.trim() !== '') {
        rowOk = false;
        findings.push({
          severity: 'error',
          code: 'row.unexpected-cell',
          location: { file, line: row.line, column: i + 1 },
          expected: 'empty-cell',
          found: cell,
        });
      }
    }
    for (const c of columns) raw[c.key] ??= '';
    const result = rowSchema.safeParse(raw);
    const cross = pairs.safeParse(raw);
    const issues = [
      ...(result.success ? [] : result.error.issues),
      ...(cross.success ? [] : cross.error.issues),
    ];
    for (const i of issues) {
      const key = String(i.path[0] ?? '');
      const column = byKey.get(key);
      const params = (i as { params?: { expected?: string } }).params;
      findings.push({
        severity: 'error',
        code: i.message,
        location: {
          file,
          line: row.line,
          ...(column ? { column: column.index, columnName: column.header } : {}),
        },
        ...(params?.expected ? { expected: params.expected } : {}),
        found: raw[key] ?? '',
      });
    }
    if (!rowOk || !result.success || !cross.success) {
      const scope = parseKpiScope(raw.scope ?? '');
      const owner = (raw.owner ?? '').trim();
      if (scope && owner !== '' && !issues.some((i) => i.path[0] === 'owner')) {
        partial.push({ line: row.line, scope, owner, column: byKey.get('owner')?.index ?? 0 });
      }
      continue;
    }
    const v = result.data as Record<string, unknown>;
    const columnOf = Object.fromEntries(
      KPI_BASE_COLUMNS.map(([key]) => [key, byKey.get(key)?.index ?? 0]),
    ) as Record<BaseKey, number>;
    const yearValue = (key: YearKey, fy: FiscalYear) => v[yearKey(key, fy)] ?? null;
    rows.push({
      line: row.line,
      scope: v.scope as KpiScope,
      owner: v.owner as string,
      name: v.name as string,
      unit: v.unit as string,
      direction: v.direction as KpiDirection,
      kind: v.kind as KpiKind,
      baseline:
        v.baselineValue === null
          ? null
          : { value: v.baselineValue as number, fiscalYear: v.baselineYear as number },
      target: { value: v.targetValue as number, fiscalYear: v.targetYear as number },
      yearTargets: fiscalYears
        .filter((fy) => yearValue('target', fy) !== null)
        .map((fy) => ({ fiscalYear: fy, value: yearValue('target', fy) as number })),
      actuals: fiscalYears
        .filter((fy) => yearValue('actual', fy) !== null)
        .map((fy) => {
          const column = byKey.get(yearKey('actual', fy)) as Column;
          return {
            fiscalYear: fy,
            value: yearValue('actual', fy) as number,
            asOf: yearValue('asOf', fy) as string | null,
            source: yearValue('source', fy) as string | null,
            column: column.index,
            columnName: column.header,
          };
        }),
      columns: columnOf,
    });
  }
  if (rows.length === 0 && findings.length === 0) {
    findings.push({
      severity: 'error',
      code: 'kpi.import.no-rows',
      location: { file, line: headerRow.line },
    });
  }
  return { rows, partial, findings, fiscalYears };
}
