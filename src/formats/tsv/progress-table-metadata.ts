import type { Finding } from '../../core/finding.ts';
import { type FiscalYear, formatFiscalYear, parseFiscalYear } from '../../core/fiscal-year.ts';
import { formatAmount, parseAmount } from '../../core/money.ts';
import { parseMunicipalityCode } from '../../core/municipality-code.ts';
import { allNodes, type Municipality, type Plan, type StatedTotal } from '../../core/plan.ts';
import type { GridRow } from './tsv-grid.ts';

/**
 * What a progress table exported by Sousei says about itself, so that importing it back needs
 * no options and gives the plan it came from. The TSV carries it as leading lines starting with
 * `#`, the workbook on a sheet of its own (same rows); the table below is unchanged:
 *
 *   #sousei	進捗状況表	1
 *   #自治体	012050	室蘭市
 *   #計画	室蘭市まち・ひと・しごと創生総合戦略	総合戦略	R2	R6
 *   #記載合計	R2	70090000	52139000      (stated totals, in yen; one line a year)
 *   #見出し行の階層	1	2	2	1 …           (the level of each title-only row, top = 1)
 *
 * With the `#sousei` line, the stated totals are those lines (the table's totals row is the
 * export's own sum) and each title row's level is given, so trees of any depth, empty nodes and
 * projects on upper levels come back as they were. Without it, a table reads as a city's own.
 */
export interface ProgressTableMetadata {
  municipality: Municipality | null;
  title: string | null;
  kind: string | null;
  period: { first: FiscalYear; last: FiscalYear } | null;
  statedTotals: StatedTotal[];
  /** The 1-based level of each row holding only a node title, in order; null when not given. */
  outline: number[] | null;
}

export const METADATA_MARK = 'sousei';
const KEYS = {
  mark: METADATA_MARK,
  municipality: '自治体',
  plan: '計画',
  total: '記載合計',
  outline: '見出し行の階層',
} as const;

const keyOf = (row: GridRow) => (row.cells[0] ?? '').trim().replace(/^#/, '');

/** The metadata rows of a plan's export (without the `#`: the TSV writer adds it). */
export function metadataRows(plan: Plan, fiscalYears: readonly FiscalYear[]): string[][] {
  const fy = (year: FiscalYear) => formatFiscalYear(year, 'short');
  const info = plan.plan;
  const deepest = info.levels.length - 2;
  const outline = allNodes(plan)
    .filter(({ node, depth }) => depth < deepest || node.projects.length === 0)
    .map(({ depth }) => String(depth + 1));
  return [
    [KEYS.mark, '進捗状況表', '1'],
    [KEYS.municipality, plan.municipality.code, plan.municipality.name],
    [KEYS.plan, info.title, info.kind, fy(info.firstFiscalYear), fy(info.lastFiscalYear)],
    ...plan.statedTotals
      .filter((t) => fiscalYears.includes(t.fiscalYear))
      .map((t) => [
        KEYS.total,
        fy(t.fiscalYear),
        formatAmount(t.budget, '円').replaceAll(',', ''),
        formatAmount(t.settlement, '円').replaceAll(',', ''),
      ]),
    [KEYS.outline, ...outline],
  ];
}

/** True for the rows of a workbook's metadata sheet or a TSV's leading `#` lines. */
export function isMetadataSheet(rows: readonly GridRow[]): boolean {
  return rows[0] !== undefined && keyOf(rows[0]) === KEYS.mark;
}

/**
 * Splits our export's leading `#` rows from the table. They are ours only when the first is
 * the `#sousei` line: a city's table that happens to start with `#` is read as it is.
 */
export function splitMetadata(
  rows: readonly GridRow[],
  file?: string,
): { metadata: ProgressTableMetadata | null; body: readonly GridRow[]; findings: Finding[] } {
  const first = rows[0];
  if (!first || (first.cells[0] ?? '').trim() !== `#${KEYS.mark}`) {
    return { metadata: null, body: rows, findings: [] };
  }
  let end = 0;
  while (end < rows.length && (rows[end]?.cells[0] ?? '').trimStart().startsWith('#')) end++;
  const read = readMetadata(rows.slice(0, end), file);
  return { ...read, body: rows.slice(end) };
}

/** Reads metadata rows (a sheet's, or a TSV's `#` lines), every problem at once. */
export function readMetadata(
  rows: readonly GridRow[],
  file?: string,
): { metadata: ProgressTableMetadata | null; findings: Finding[] } {
  const findings: Finding[] = [];
  const bad = (row: GridRow, column: number, found: string) =>
    findings.push({
      severity: 'error',
      code: 'table.metadata-invalid',
      location: { file, line: row.line, column: column + 1 },
      expected: 'metadata',
      found,
    });
  const first = rows[0];
  if (!first || keyOf(first) !== KEYS.mark) {
    if (first) bad(first, 0, first.cells.join(' '));
    return { metadata: null, findings };
  }
  const metadata: ProgressTableMetadata = {
    municipality: null,
    title: null,
    kind: null,
    period: null,
    statedTotals: [],
    outline: null,
  };
  const year = (row: GridRow, column: number): FiscalYear | null => {
    const fy = parseFiscalYear(row.cells[column] ?? '');
    if (fy === null) bad(row, column, row.cells[column] ?? '');
    return fy;
  };
  const yen = (row: GridRow, column: number) => {
    const parsed = parseAmount(row.cells[column] ?? '', '円');
    if (parsed.ok) return parsed.yen;
    bad(row, column, row.cells[column] ?? '');
    return null;
  };
  for (const row of rows.slice(1)) {
    const cells = row.cells;
    switch (keyOf(row)) {
      case KEYS.municipality: {
        const code = parseMunicipalityCode(cells[1] ?? '');
        const name = (cells[2] ?? '').trim();
        if (code === null) bad(row, 1, cells[1] ?? '');
        else if (name === '') bad(row, 2, '');
        else metadata.municipality = { code, name };
        break;
      }
      case KEYS.plan: {
        metadata.title = cells[1] || null;
        metadata.kind = cells[2] || null;
        const [first, last] = [year(row, 3), year(row, 4)];
        if (first !== null && last !== null) metadata.period = { first, last };
        break;
      }
      case KEYS.total: {
        const fiscalYear = year(row, 1);
        const total = { budget: yen(row, 2), settlement: yen(row, 3) };
        if (fiscalYear !== null) metadata.statedTotals.push({ fiscalYear, ...total });
        break;
      }
      case KEYS.outline: {
        const levels = cells.slice(1).filter((c) => c.trim() !== '');
        metadata.outline = levels.map((c, i) => {
          const level = Number(c);
          if (!Number.isInteger(level) || level < 1) bad(row, i + 1, c);
          return level;
        });
        break;
      }
      default:
        if (cells.some((c) => c.trim() !== '')) bad(row, 0, cells[0] ?? '');
    }
  }
  return { metadata, findings };
}
