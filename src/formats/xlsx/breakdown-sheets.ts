import type ExcelJS from 'exceljs';
import type { Finding } from '../../core/finding.ts';
import { type FiscalYear, formatFiscalYear, parseFiscalYear } from '../../core/fiscal-year.ts';
import { formatAmount, parseAmount, type Yen } from '../../core/money.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import {
  allProjects,
  type FinanceDetail,
  type FinanceDetailKind,
  financeFor,
  type Plan,
} from '../../core/plan.ts';
import type { SheetGrid } from './workbook-grid.ts';

/**
 * What the progress table has no column for travels on two sheets of their own, so the table
 * sheets keep the city's layout: 事業タグ (No. | タグ, one row per tag) and 財源・コスト内訳
 * (No. | 年度 | 項目 | 区分 | 金額, one row per line of a year's breakdown, in its order).
 * The reader recognises them by name and header, and never reads them as a table.
 */
export const TAG_SHEET = '事業タグ';
export const DETAIL_SHEET = '財源・コスト内訳';
const TAG_HEADER = ['No.', 'タグ'];
const DETAIL_HEADER = ['No.', '年度', '項目', '区分', '金額'];

const KIND_LABEL: Record<FinanceDetailKind, string> = {
  source: '財源',
  staff: '人件費',
  total: 'トータルコスト',
  other: 'その他',
};
const KIND_OF = new Map(Object.entries(KIND_LABEL).map(([k, label]) => [label, k]));

function amountCell(yen: Yen | null, plan: Plan): number | string {
  return yen === null
    ? NO_VALUE_MARK
    : Number(formatAmount(yen, plan.amountUnit).replaceAll(',', ''));
}

/** Adds the two sheets when the plan has something for them (a plan without stays as it was). */
export function addBreakdownSheets(
  workbook: ExcelJS.Workbook,
  plan: Plan,
  years: readonly FiscalYear[],
  font: Partial<ExcelJS.Font>,
): void {
  const projects = allProjects(plan);
  const tagRows = projects.flatMap((p) => (p.tags ?? []).map((tag) => [p.no, tag]));
  const detailRows = projects.flatMap((p) =>
    years.flatMap((fy) =>
      (financeFor(p, fy)?.details ?? []).map((d) => [
        p.no,
        formatFiscalYear(fy, 'short'),
        d.label,
        KIND_LABEL[d.kind],
        amountCell(d.amount, plan),
      ]),
    ),
  );
  for (const [name, header, rows] of [
    [TAG_SHEET, TAG_HEADER, tagRows],
    [DETAIL_SHEET, [...DETAIL_HEADER.slice(0, 4), `金額（${plan.amountUnit}）`], detailRows],
  ] as const) {
    if (rows.length === 0) continue;
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([...header]).font = { ...font, bold: true };
    // Numbers as text: project 0388 stays 0388.
    for (const row of rows) sheet.addRow([...row]).font = font;
    sheet.columns = header.map((_, i) => ({ width: i === 2 ? 24 : 12 }));
  }
}

function sameHeader(grid: SheetGrid, header: readonly string[]): boolean {
  const first = grid.rows[0]?.cells.map((c) => c.trim()) ?? [];
  return header.every((h, i) => (first[i] ?? '').startsWith(h));
}

/** Whether a sheet is one of ours (then it is not read as a progress table). */
export function isBreakdownSheet(grid: SheetGrid): boolean {
  return (
    (grid.name === TAG_SHEET && sameHeader(grid, TAG_HEADER)) ||
    (grid.name === DETAIL_SHEET && sameHeader(grid, DETAIL_HEADER))
  );
}

/**
 * Puts the tags and breakdowns of the two sheets on the plan's projects. A row naming a project
 * or a year the plan does not have, a kind not listed or an amount that is not one is an error
 * naming its cell: nothing is dropped silently.
 */
export function readBreakdownSheets(
  grids: readonly SheetGrid[],
  plan: Plan,
  file?: string,
): Finding[] {
  const findings: Finding[] = [];
  const byNo = new Map(allProjects(plan).map((p) => [p.no, p]));
  const problem = (grid: SheetGrid, line: number, cell: string, found: string, expected: string) =>
    findings.push({
      severity: 'error',
      code: 'workbook.breakdown-row',
      location: { file, sheet: grid.name, line, cell: `${cell}${line}` },
      expected,
      found,
      params: { unit: plan.amountUnit },
    });
  for (const grid of grids) {
    if (!isBreakdownSheet(grid)) continue;
    for (const row of grid.rows.slice(1)) {
      const [no = '', ...rest] = row.cells.map((c) => c.trim());
      if (no === '' && rest.every((c) => c === '')) continue;
      const project = byNo.get(no);
      if (!project) {
        problem(grid, row.line, 'A', no, 'project-no');
        continue;
      }
      if (grid.name === TAG_SHEET) {
        const tag = rest[0] ?? '';
        if (tag === '') problem(grid, row.line, 'B', tag, 'tag');
        else project.tags = [...(project.tags ?? []), tag];
        continue;
      }
      const [yearText = '', label = '', kindText = '', amountText = ''] = rest;
      const fy = parseFiscalYear(yearText);
      const finance = fy === null ? undefined : financeFor(project, fy);
      const kind = KIND_OF.get(kindText) as FinanceDetailKind | undefined;
      const amount = parseAmount(amountText, plan.amountUnit);
      if (!finance) problem(grid, row.line, 'B', yearText, 'finance-year');
      if (label === '') problem(grid, row.line, 'C', label, 'detail-label');
      if (!kind) problem(grid, row.line, 'D', kindText, 'detail-kind');
      if (!amount.ok) problem(grid, row.line, 'E', amountText, 'amount');
      if (!finance || label === '' || !kind || !amount.ok) continue;
      const detail: FinanceDetail = { label, kind, amount: amount.yen };
      finance.details = [...(finance.details ?? []), detail];
    }
  }
  return findings;
}
