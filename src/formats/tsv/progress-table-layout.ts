import type { Finding } from '../../core/finding.ts';
import { type FiscalYear, parseFiscalYear } from '../../core/fiscal-year.ts';
import { toHalfWidth } from '../../core/half-width.ts';
import type { AmountUnit } from '../../core/money.ts';
import type { GridRow } from './tsv-grid.ts';

/**
 * Where things stand in a progress table laid out like Muroran's (進捗状況表): a preamble with
 * the unit, one row per upper level name, then a header row (lowest level name, No., 事業名,
 * one fiscal year label per year, the activity column) and a row of 予算/決算 under each year.
 * Columns are found by their headers, not by position, so a table with more years or columns
 * in another order reads the same way.
 */
export interface YearColumns {
  fiscalYear: FiscalYear;
  /** The year's header as written (R2). */
  label: string;
  budget: number;
  settlement: number;
}

export interface ProgressTableLayout {
  unit: AmountUnit | null;
  /** Level names from the top; the last names the projects. */
  levels: string[];
  treeColumn: number;
  noColumn: number;
  nameColumn: number;
  activityColumn: number;
  activityHeader: string;
  years: YearColumns[];
  period: { first: FiscalYear; last: FiscalYear } | null;
  /** Index in the row array of the first body row. */
  bodyStart: number;
  columnNames: Map<number, string>;
}

const UNIT = /単位\s*[:：]\s*(百万円|千円|円)/;
const NO = /^(no\.?|番号|事業番号)$/i;
const PERIOD = /([^\s～~〜]+?)\s*[～~〜]\s*([^\s年]+)年度/;

const clean = (cell: string | undefined) => toHalfWidth(cell ?? '').trim();

export function findLayout(
  rows: readonly GridRow[],
  file: string | undefined,
): { layout: ProgressTableLayout | null; findings: Finding[] } {
  const findings: Finding[] = [];
  const headerIndex = rows.findIndex((r) => r.cells.some((c) => NO.test(clean(c))));
  if (headerIndex === -1) {
    findings.push({
      severity: 'error',
      code: 'table.header-not-found',
      location: { file },
      expected: 'header-row',
      found: '',
    });
    return { layout: null, findings };
  }
  const header = rows[headerIndex] as GridRow;
  const sub = rows[headerIndex + 1];
  const cells = header.cells.map(clean);
  const noColumn = cells.findIndex((c) => NO.test(c));
  const treeColumn = cells.findIndex((c, i) => i < noColumn && c !== '');
  const nameColumn = cells.findIndex((c, i) => i > noColumn && /名$|名称/.test(c));
  const activityColumn = cells.findIndex((c) => /内容|取組/.test(c));
  const missing = (column: number, expected: string) => {
    if (column !== -1) return false;
    findings.push({
      severity: 'error',
      code: 'table.header-column-missing',
      location: { file, line: header.line },
      expected,
      found: header.cells.join(' | '),
    });
    return true;
  };
  if (
    [
      missing(treeColumn, 'header-level'),
      missing(nameColumn, 'header-name'),
      missing(activityColumn, 'header-activity'),
    ].some(Boolean)
  ) {
    return { layout: null, findings };
  }

  const years: YearColumns[] = [];
  const subCells = (sub?.cells ?? []).map(clean);
  cells.forEach((c, i) => {
    const fy = i > nameColumn && i !== activityColumn ? parseFiscalYear(c) : null;
    if (fy === null) return;
    // The year's 予算 and 決算 stand under it until the next column with a header of its own.
    let end = i + 1;
    while (end < cells.length && cells[end] === '' && end !== activityColumn) end++;
    const budget = subCells.findIndex((s, j) => j >= i && j < end && /予算/.test(s));
    const settlement = subCells.findIndex((s, j) => j >= i && j < end && /決算/.test(s));
    if (budget === -1 || settlement === -1) {
      findings.push({
        severity: 'error',
        code: 'table.header-column-missing',
        location: { file, line: sub?.line ?? header.line + 1, column: i + 1 },
        expected: 'header-budget-settlement',
        found: (sub?.cells ?? []).slice(i, end).join(' | '),
      });
      return;
    }
    years.push({ fiscalYear: fy, label: c, budget, settlement });
  });
  if (years.length === 0 && findings.length === 0) {
    findings.push({
      severity: 'error',
      code: 'table.header-column-missing',
      location: { file, line: header.line },
      expected: 'header-fiscal-year',
      found: header.cells.join(' | '),
    });
  }
  if (findings.length > 0) return { layout: null, findings };

  // Upper level names stand in the tree column of the rows just above the header.
  const upper: string[] = [];
  let unit: AmountUnit | null = null;
  for (const row of rows.slice(0, headerIndex)) {
    const text = row.cells.map(clean).filter((c) => c !== '');
    const u = text.map((t) => UNIT.exec(t)?.[1]).find((x) => x !== undefined);
    if (u) unit = u as AmountUnit;
    else if (text.length === 1 && clean(row.cells[treeColumn]) !== '')
      upper.push(text[0] as string);
  }
  const projectLevel = (cells[nameColumn] as string).replace(/名$|名称$/, '') || '事業';
  const activityHeader = header.cells[activityColumn]?.trim() ?? '';
  const period = PERIOD.exec(toHalfWidth(activityHeader));
  const first = period?.[1] ? parseFiscalYear(period[1]) : null;
  const last = period?.[2] ? parseFiscalYear(period[2]) : null;

  const columnNames = new Map<number, string>([
    [treeColumn, cells[treeColumn] as string],
    [noColumn, cells[noColumn] as string],
    [nameColumn, cells[nameColumn] as string],
    [activityColumn, activityHeader.split(/\s/)[0] ?? ''],
  ]);
  for (const y of years) {
    columnNames.set(y.budget, `${y.label} 予算`);
    columnNames.set(y.settlement, `${y.label} 決算`);
  }
  return {
    layout: {
      unit,
      levels: [...upper, cells[treeColumn] as string, projectLevel],
      treeColumn,
      noColumn,
      nameColumn,
      activityColumn,
      activityHeader,
      years,
      period: first !== null && last !== null ? { first, last } : null,
      bodyStart: headerIndex + (sub && subCells.some((s) => /予算|決算/.test(s)) ? 2 : 1),
      columnNames,
    },
    findings,
  };
}
