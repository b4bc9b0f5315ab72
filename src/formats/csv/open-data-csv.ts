import { formatFiscalYear } from '../../core/fiscal-year.ts';
import {
  finalAchievement,
  type KpiActual,
  type KpiDefinition,
  yearAchievement,
} from '../../core/kpi.ts';
import { executionRate } from '../../core/money.ts';
import type { Plan, PlanNode, Project } from '../../core/plan.ts';
import { FIGURE_COLUMNS, openDataFigureRows } from './open-data-figures-csv.ts';
import { openDataPlanRows, PLAN_COLUMNS } from './open-data-plan-csv.ts';
import { spreadsheetSafeText } from './spreadsheet-safe-text.ts';

/**
 * Open data as CSV (docs/open-data-csv.md lists every column): one row per project-year, per
 * activity entry, per KPI-year; plan.csv holds the whole plan (open-data-plan-csv.ts). Japanese headers, the 全国地方公共団体コード on every row,
 * fiscal years both as 2020 and 令和2年度, amounts in whole yen (no unit to guess), RFC 4180
 * quoting, CRLF (what Excel writes).
 *
 * Two variants: with a BOM it is meant for Excel (which needs the BOM to read UTF-8), and text
 * that Excel would run as a formula is neutralised (spreadsheet-safe-text.ts); without one it is
 * meant for programs and every text stays exactly as stored.
 */
export type OpenDataTable = 'projects' | 'entries' | 'figures' | 'kpis' | 'plan';

export interface KpiRow {
  scope: 'goal' | 'measure' | 'project';
  /** The goal/measure title or the project number it belongs to. */
  owner: string;
  definition: KpiDefinition;
  actuals: KpiActual[];
}

export const OPEN_DATA_COLUMNS: Record<OpenDataTable, readonly string[]> = {
  plan: PLAN_COLUMNS,
  figures: FIGURE_COLUMNS,
  projects: [
    '全国地方公共団体コード',
    '団体名',
    '計画名',
    '年度',
    '年度（和暦）',
    '階層1',
    '階層2',
    '階層3',
    '事業番号',
    '事業名',
    '注記',
    '担当課',
    '予算（円）',
    '決算（円）',
    '執行率（%）',
    // Last, so the columns before keep their positions for programs that read them by index.
    'タグ',
  ],
  entries: [
    '全国地方公共団体コード',
    '団体名',
    '計画名',
    '事業番号',
    '事業名',
    '取組番号',
    '取組名',
    '取組内容',
    '再掲元の事業番号',
    '区分',
    '年度',
    '年度（和暦）',
    '記載',
    'KPI',
    // Last, so the columns before keep their positions (issue 12): read from a result's words.
    '状況',
  ],
  kpis: [
    '全国地方公共団体コード',
    '団体名',
    '計画名',
    '区分',
    '対象',
    '指標名',
    '単位',
    '方向',
    '種類',
    '基準値',
    '基準年度',
    '目標値',
    '目標年度',
    '年度',
    '年度（和暦）',
    '実績値',
    '実績の時点',
    '出典',
    '年度目標',
    '達成率（年度目標、%）',
    '達成率（最終目標、%）',
  ],
};

type Cell = string | number | null;

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell as CSV text; numbers are written as numbers, text for Excel made safe to open. */
function field(cell: Cell, forExcel: boolean): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return quote(forExcel ? spreadsheetSafeText(cell) : cell);
}

/** The CSV text; `bom` marks the variant meant for Excel (BOM, formulas neutralised). */
export function toCsv(header: readonly string[], rows: readonly Cell[][], bom: boolean): string {
  const lines = [header.map(quote).join(',')];
  for (const row of rows) lines.push(row.map((c) => field(c, bom)).join(','));
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * Each project with the titles of the nodes above it, in tree order. A stack, not recursion: an
 * imported tree can be as deep as its file makes it (issue 9).
 */
function projectsWithPath(plan: Plan): { project: Project; path: string[] }[] {
  const out: { project: Project; path: string[] }[] = [];
  const stack: { node: PlanNode; above: string[] }[] = [];
  const pushAll = (nodes: PlanNode[], above: string[]) => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i] as PlanNode, above });
  };
  pushAll(plan.nodes, []);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const path = [...next.above, next.node.title];
    for (const project of next.node.projects) out.push({ project, path });
    pushAll(next.node.children, path);
  }
  return out;
}

export function openDataRows(
  table: OpenDataTable,
  plan: Plan,
  years: ReadonlySet<number>,
  kpis: readonly KpiRow[] = [],
): Cell[][] {
  if (table === 'plan') return openDataPlanRows(plan, years);
  if (table === 'figures') return openDataFigureRows(plan, years);
  const who = [plan.municipality.code, plan.municipality.name, plan.plan.title];
  const fy = (y: number | null) => (y === null ? [null, null] : [y, formatFiscalYear(y, 'long')]);
  if (table === 'projects') {
    return projectsWithPath(plan).flatMap(({ project: p, path }) =>
      p.finances
        .filter((f) => years.has(f.fiscalYear))
        .map((f) => [
          ...who,
          ...fy(f.fiscalYear),
          path[0] ?? null,
          path[1] ?? null,
          path.slice(2).join(' / ') || null,
          p.no,
          p.name,
          p.notes.join(' ※') || null,
          p.department,
          f.budget,
          f.settlement,
          percent(executionRate(f.budget, f.settlement)),
          (p.tags ?? []).join('、') || null,
        ]),
    );
  }
  if (table === 'entries') {
    return projectsWithPath(plan).flatMap(({ project: p }) =>
      p.activities.flatMap((a, i) =>
        a.entries
          .filter((e) => e.fiscalYear === null || years.has(e.fiscalYear))
          .map((e) => [
            ...who,
            p.no,
            p.name,
            i + 1,
            a.title,
            a.text,
            a.relistOf?.projectNo ?? null,
            e.kind === 'result' ? '結果' : '見直し',
            ...fy(e.fiscalYear),
            e.text,
            e.kpi ? 'KPI' : null,
            e.status ?? null,
          ]),
      ),
    );
  }
  const scope = { goal: '基本目標', measure: '施策', project: '事業' } as const;
  return kpis.flatMap((k) => {
    const d = k.definition;
    return k.actuals
      .filter((a) => years.has(a.fiscalYear))
      .map((a) => {
        const year = yearAchievement(d, k.actuals, a.fiscalYear, plan.plan.firstFiscalYear);
        const final = finalAchievement(d, k.actuals, a.fiscalYear, plan.plan.firstFiscalYear);
        return [
          ...who,
          scope[k.scope],
          k.owner,
          d.name,
          d.unit,
          d.direction === 'higher' ? '高いほどよい' : '低いほどよい',
          d.kind === 'annual' ? '単年度' : '累計',
          d.baseline?.value ?? null,
          d.baseline?.fiscalYear ?? null,
          d.target?.value ?? null,
          d.target?.fiscalYear ?? null,
          ...fy(a.fiscalYear),
          a.value,
          a.asOf,
          a.source,
          year.target,
          percent(year.rate),
          percent(final.rate),
        ];
      });
  });
}

export function openDataCsv(
  table: OpenDataTable,
  plan: Plan,
  years: ReadonlySet<number>,
  options: { bom: boolean; kpis?: readonly KpiRow[] },
): string {
  return toCsv(
    OPEN_DATA_COLUMNS[table],
    openDataRows(table, plan, years, options.kpis),
    options.bom,
  );
}
