import { type FiscalYear, formatFiscalYear } from '../../core/fiscal-year.ts';
import type { Activity, Plan, PlanNode, Project } from '../../core/plan.ts';
import { financeFor } from '../../core/plan.ts';
import { totalsOfPlan } from '../../core/totals.ts';
import type { ProjectRef } from '../../store/load-plan.ts';

/**
 * The progress table (進捗状況表) in the source's own layout, as rows for a page or a printout:
 * upper levels (基本目標, 分類) on rows of their own across the whole width, the lowest level
 * (具体的な施策) in a cell spanning its projects' rows, one 予算/決算 pair per fiscal year, the
 * activities, and the totals computed from the projects last (as writeProgressTable writes it).
 */
export interface ReportAmounts {
  fiscalYear: FiscalYear;
  budget: number | null;
  settlement: number | null;
}

export type ReportRow =
  | { kind: 'node'; depth: number; level: string; title: string }
  | {
      kind: 'project';
      /** The measure cell, on the first project row of its node only. */
      measure: { level: string; title: string; rowspan: number } | null;
      /** True when the measure cell of an earlier row spans this one (no cell of its own). */
      spanned: boolean;
      project: Project;
      ref: ProjectRef | undefined;
      amounts: ReportAmounts[];
      /** The activities with the entries the report shows (none of later years). */
      activities: Activity[];
    };

export interface ProgressReport {
  fiscalYears: FiscalYear[];
  levels: string[];
  /** The activity column's heading: `R2～R6年度の主な事業内容`. */
  activityHeading: string;
  rows: ReportRow[];
  totals: ReportAmounts[];
}

/**
 * Builds the report of `fiscalYears` (one year, or every readable one side by side). The table
 * of a year shows what was written up to that year: entries of later years are left out,
 * undated ones stay (as the source's table of that year had them).
 */
export function progressReport(
  source: { plan: Plan; refs?: ReadonlyMap<Project, ProjectRef> },
  fiscalYears: readonly FiscalYear[],
): ProgressReport {
  const { plan } = source;
  const levels = plan.plan.levels;
  const deepest = Math.max(0, levels.length - 2);
  const last = Math.max(...fiscalYears);
  const activities = (p: Project): Activity[] =>
    p.activities.map((a) => ({
      ...a,
      entries: a.entries.filter((e) => e.fiscalYear === null || e.fiscalYear <= last),
    }));
  const amounts = (p: Project): ReportAmounts[] =>
    fiscalYears.map((fiscalYear) => {
      const f = financeFor(p, fiscalYear);
      return { fiscalYear, budget: f?.budget ?? null, settlement: f?.settlement ?? null };
    });
  const rows: ReportRow[] = [];
  const walk = (nodes: readonly PlanNode[], depth: number) => {
    for (const node of nodes) {
      const level = levels[depth] ?? '';
      const inCell = depth >= deepest && node.projects.length > 0;
      if (!inCell) rows.push({ kind: 'node', depth, level, title: node.title });
      node.projects.forEach((project, i) => {
        rows.push({
          kind: 'project',
          measure:
            inCell && i === 0 ? { level, title: node.title, rowspan: node.projects.length } : null,
          spanned: inCell && i > 0,
          project,
          ref: source.refs?.get(project),
          amounts: amounts(project),
          activities: activities(project),
        });
      });
      walk(node.children, depth + 1);
    }
  };
  walk(plan.nodes, 0);
  const short = (fy: FiscalYear) => formatFiscalYear(fy, 'short');
  return {
    fiscalYears: [...fiscalYears],
    levels,
    activityHeading: `${short(plan.plan.firstFiscalYear)}～${short(plan.plan.lastFiscalYear)}年度の主な事業内容`,
    rows,
    totals: fiscalYears.map((fiscalYear) => {
      const t = totalsOfPlan(plan.nodes, fiscalYear);
      return { fiscalYear, budget: t.budget, settlement: t.settlement };
    }),
  };
}
