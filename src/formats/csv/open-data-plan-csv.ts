import { renderActivityCell } from '../../core/activity-notation.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { allNodes, type Plan } from '../../core/plan.ts';

/**
 * plan.csv: the whole plan in one open-data table, so that a CSV comes back as the plan it was
 * (docs/open-data-csv.md). The other tables each hold a part (projects.csv has no activities
 * nor nodes without projects, and joins levels below the third). Here every row carries the
 * plan's identity, and the rows walk the tree in order:
 *   階層        a node: its level (top = 1) and title;
 *   事業        a project of the node above it: number, name, notes, department, activities
 *               in the progress table's notation (☐ ▶ ⇒);
 *   予算・決算  one fiscal year of the project above it, in yen;
 *   記載合計    the totals the plan states for a fiscal year, in yen.
 */
export const PLAN_COLUMNS = [
  '全国地方公共団体コード',
  '団体名',
  '計画名',
  '計画の種類',
  '計画期間（初年度）',
  '計画期間（最終年度）',
  '階層名',
  '金額の単位',
  '行の種類',
  '階層',
  '見出し',
  '事業番号',
  '事業名',
  '注記',
  '担当課',
  '年度',
  '予算（円）',
  '決算（円）',
  '取組',
] as const;

export const ROW_KINDS = {
  node: '階層',
  project: '事業',
  finance: '予算・決算',
  total: '記載合計',
} as const;

/** Level names in one cell: 基本目標 > 施策 > 事業. */
export const LEVEL_SEPARATOR = ' > ';

type Cell = string | number | null;

export function openDataPlanRows(plan: Plan, years: ReadonlySet<FiscalYear>): Cell[][] {
  const info = plan.plan;
  const who: Cell[] = [
    plan.municipality.code,
    plan.municipality.name,
    info.title,
    info.kind,
    info.firstFiscalYear,
    info.lastFiscalYear,
    info.levels.join(LEVEL_SEPARATOR),
    plan.amountUnit,
  ];
  // Every row as wide as the header.
  const row = (kind: string, cells: Cell[]): Cell[] => {
    const out = [...who, kind, ...cells];
    while (out.length < PLAN_COLUMNS.length) out.push(null);
    return out;
  };
  const rows: Cell[][] = [];
  for (const { node, depth } of allNodes(plan)) {
    rows.push(row(ROW_KINDS.node, [depth + 1, node.title]));
    for (const p of node.projects) {
      rows.push(
        row(ROW_KINDS.project, [
          depth + 1,
          null,
          p.no,
          p.name,
          p.notes.join('\n') || null,
          p.department,
          null,
          null,
          null,
          renderActivityCell(p.activities, plan.conventions) || null,
        ]),
      );
      for (const f of p.finances.filter((x) => years.has(x.fiscalYear))) {
        const amounts = [f.fiscalYear, f.budget, f.settlement];
        rows.push(row(ROW_KINDS.finance, [null, null, p.no, null, null, null, ...amounts]));
      }
    }
  }
  for (const t of plan.statedTotals.filter((x) => years.has(x.fiscalYear))) {
    const amounts = [t.fiscalYear, t.budget, t.settlement];
    rows.push(row(ROW_KINDS.total, [null, null, null, null, null, null, ...amounts]));
  }
  return rows;
}
