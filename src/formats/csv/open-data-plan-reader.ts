import { parseActivityCell } from '../../core/activity-notation.ts';
import type { Finding, Location } from '../../core/finding.ts';
import { parseFiscalYear } from '../../core/fiscal-year.ts';
import { type AmountUnit, parseAmount, type Yen } from '../../core/money.ts';
import { parseMunicipalityCode } from '../../core/municipality-code.ts';
import {
  MURORAN_CONVENTIONS,
  type Plan,
  type PlanNode,
  type Project,
  type StatedTotal,
} from '../../core/plan.ts';
import type { GridRow } from '../tsv/tsv-grid.ts';
import { LEVEL_SEPARATOR, PLAN_COLUMNS, ROW_KINDS } from './open-data-plan-csv.ts';

const UNITS: readonly AmountUnit[] = ['円', '千円', '百万円'];
const column = (name: (typeof PLAN_COLUMNS)[number]) => PLAN_COLUMNS.indexOf(name);

/** True when the rows are a plan.csv (detected by its header, whatever the file is named). */
export function isOpenDataPlanCsv(rows: readonly GridRow[]): boolean {
  const header = rows[0]?.cells.map((c) => c.replace(/^\uFEFF/, '').trim());
  return header !== undefined && PLAN_COLUMNS.every((name, i) => header[i] === name);
}

/**
 * Reads a plan.csv back into the plan it was written from, every problem at once: the plan's
 * identity from its first row, the tree from the 階層 rows' levels, projects, their years and
 * the stated totals from the rows below them. Amounts are yen.
 */
export function readOpenDataPlanCsv(
  rows: readonly GridRow[],
  file?: string,
): { plan: Plan | null; findings: Finding[] } {
  const findings: Finding[] = [];
  const at = (row: GridRow, name: (typeof PLAN_COLUMNS)[number]): Location => ({
    file,
    line: row.line,
    column: column(name) + 1,
    columnName: name,
  });
  const bad = (row: GridRow, name: (typeof PLAN_COLUMNS)[number], expected: string) => {
    const found = row.cells[column(name)] ?? '';
    findings.push({
      severity: 'error',
      code: 'csv.plan-invalid',
      location: at(row, name),
      expected,
      found,
    });
  };
  const cell = (row: GridRow, name: (typeof PLAN_COLUMNS)[number]) => row.cells[column(name)] ?? '';
  const body = rows.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const first = body[0];
  if (!first) {
    findings.push({ severity: 'error', code: 'table.no-projects', location: { file } });
    return { plan: null, findings };
  }
  const code = parseMunicipalityCode(cell(first, '全国地方公共団体コード'));
  if (code === null) bad(first, '全国地方公共団体コード', 'municipality-code');
  const unit = cell(first, '金額の単位') as AmountUnit;
  if (!UNITS.includes(unit)) bad(first, '金額の単位', 'amount-unit');
  const year = (row: GridRow, name: '計画期間（初年度）' | '計画期間（最終年度）' | '年度') => {
    const fy = parseFiscalYear(cell(row, name));
    if (fy === null) bad(row, name, 'fiscal-year');
    return fy ?? 0;
  };
  const yen = (row: GridRow, name: '予算（円）' | '決算（円）'): Yen | null => {
    const parsed = parseAmount(cell(row, name), '円');
    if (parsed.ok) return parsed.yen;
    bad(row, name, 'yen');
    return null;
  };
  const roots: PlanNode[] = [];
  const open: PlanNode[] = [];
  const totals: StatedTotal[] = [];
  let project: Project | undefined;
  for (const row of body) {
    const kind = cell(row, '行の種類');
    if (kind === ROW_KINDS.node) {
      const level = Number(cell(row, '階層'));
      if (!Number.isInteger(level) || level < 1 || level > open.length + 1) {
        bad(row, '階層', 'outline');
        continue;
      }
      const node: PlanNode = { title: cell(row, '見出し'), children: [], projects: [] };
      (level === 1 ? roots : (open[level - 2] as PlanNode).children).push(node);
      open.length = level - 1;
      open.push(node);
      project = undefined;
    } else if (kind === ROW_KINDS.project) {
      const node = open.at(-1);
      if (!node) {
        bad(row, '行の種類', 'plan-csv-node-row');
        continue;
      }
      const notes = cell(row, '注記');
      const parsed = parseActivityCell(cell(row, '取組'), MURORAN_CONVENTIONS);
      for (const _ of parsed.problems) bad(row, '取組', 'checkbox');
      project = {
        no: cell(row, '事業番号'),
        name: cell(row, '事業名'),
        notes: notes === '' ? [] : notes.split('\n'),
        department: cell(row, '担当課') || null,
        finances: [],
        activities: parsed.activities,
      };
      node.projects.push(project);
    } else if (kind === ROW_KINDS.finance && project?.no === cell(row, '事業番号')) {
      const fiscalYear = year(row, '年度');
      project.finances.push({
        fiscalYear,
        budget: yen(row, '予算（円）'),
        settlement: yen(row, '決算（円）'),
      });
    } else if (kind === ROW_KINDS.total) {
      const fiscalYear = year(row, '年度');
      totals.push({
        fiscalYear,
        budget: yen(row, '予算（円）'),
        settlement: yen(row, '決算（円）'),
      });
    } else {
      bad(row, '行の種類', 'plan-csv-row-kind');
    }
  }
  if (findings.length > 0 || code === null) return { plan: null, findings };
  const plan: Plan = {
    municipality: { code, name: cell(first, '団体名') },
    plan: {
      title: cell(first, '計画名'),
      kind: cell(first, '計画の種類'),
      firstFiscalYear: year(first, '計画期間（初年度）'),
      lastFiscalYear: year(first, '計画期間（最終年度）'),
      levels: cell(first, '階層名').split(LEVEL_SEPARATOR),
    },
    amountUnit: unit,
    conventions: { ...MURORAN_CONVENTIONS },
    nodes: roots,
    statedTotals: totals,
  };
  return findings.length > 0 ? { plan: null, findings } : { plan, findings };
}
