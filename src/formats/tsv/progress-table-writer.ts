import { renderActivityCell } from '../../core/activity-notation.ts';
import { type FiscalYear, formatFiscalYear } from '../../core/fiscal-year.ts';
import { formatAmount } from '../../core/money.ts';
import { financeFor, type Plan, type PlanNode, type Project } from '../../core/plan.ts';
import { totalsOfPlan } from '../../core/totals.ts';
import { metadataRows } from './progress-table-metadata.ts';

/** The legend the table prints under its activity header: it states the conventions applied. */
export function activityHeader(plan: Plan): string {
  const { conventions: c, plan: info } = plan;
  const period = `${formatFiscalYear(info.firstFiscalYear, 'short')}～${formatFiscalYear(info.lastFiscalYear, 'short')}年度の主な事業内容`;
  const arrow =
    c.arrow === 'revision'
      ? ` ※${c.revisionMark}は、その時の事業の見直し内容`
      : ` ※${c.revisionMark}は、目標${c.revisionMark}実績`;
  return `${period} ※${c.resultMark}は、事業の結果${arrow} ※_は、KPIに位置付けているもの`;
}

export function projectNameCell(project: Project): string {
  return [project.name, ...project.notes.map((n) => `※${n}`)].join(' ');
}

/**
 * Writes the plan as a TSV export: the metadata as leading `#` lines (municipality, plan,
 * stated totals, the level of each title row), then the table. Read back by readProgressTable
 * without any option, it gives the same plan.
 */
export function writeProgressTable(plan: Plan, fiscalYears: readonly FiscalYear[]): string[][] {
  return [
    ...metadataRows(plan, fiscalYears).map(([key, ...rest]) => [`#${key}`, ...rest]),
    ...writeProgressTableBody(plan, fiscalYears),
  ];
}

/**
 * The plan as Muroran's progress table: unit, level names, header with one 予算/決算 pair per
 * fiscal year, the tree (upper levels on rows of their own, the lowest beside its first
 * project), the computed totals.
 */
export function writeProgressTableBody(plan: Plan, fiscalYears: readonly FiscalYear[]): string[][] {
  const levels = plan.plan.levels;
  const upper = levels.slice(0, -2);
  const lowest = levels.at(-2) ?? '';
  const yearHeader = fiscalYears.flatMap((fy) => [formatFiscalYear(fy, 'short'), '']);
  const width = 3 + yearHeader.length + 1;
  const row = (...cells: string[]) => [
    ...cells,
    ...Array(Math.max(0, width - cells.length)).fill(''),
  ];
  const rows: string[][] = [[`(単位：${plan.amountUnit})`], []];
  for (const name of upper) rows.push(row(name));
  rows.push([lowest, 'No.', `${levels.at(-1) ?? '事業'}名`, ...yearHeader, activityHeader(plan)]);
  rows.push(row('', '', '', ...fiscalYears.flatMap(() => ['予算', '決算'])));

  const amounts = (p: Project) =>
    fiscalYears.flatMap((fy) => {
      const f = financeFor(p, fy);
      return [
        formatAmount(f?.budget ?? null, plan.amountUnit),
        formatAmount(f?.settlement ?? null, plan.amountUnit),
      ];
    });
  const deepest = levels.length - 2;
  const walk = (nodes: PlanNode[], depth: number) => {
    for (const node of nodes) {
      if (depth < deepest || node.projects.length === 0) rows.push(row(node.title));
      node.projects.forEach((p, i) => {
        rows.push([
          i === 0 && depth === deepest ? node.title : '',
          p.no,
          projectNameCell(p),
          ...amounts(p),
          renderActivityCell(p.activities, plan.conventions),
        ]);
      });
      walk(node.children, depth + 1);
    }
  };
  walk(plan.nodes, 0);
  const totals = fiscalYears.flatMap((fy) => {
    const t = totalsOfPlan(plan.nodes, fy);
    return [formatAmount(t.budget, plan.amountUnit), formatAmount(t.settlement, plan.amountUnit)];
  });
  rows.push(row('', '', '', ...totals));
  return rows;
}
