import type { AppContext } from '../../src/app/app-context.ts';
import { importMapped, type MappedImportOutcome } from '../../src/app/import-mapped.ts';
import type { KpiRecord } from '../../src/app/kpi/kpi-records.ts';
import { loadKpis } from '../../src/app/kpi/kpi-records.ts';
import { operatorOf } from '../../src/app/operator.ts';
import { ReportPage } from '../../src/app/reports/report-page.tsx';
import { loadPlanView, type PlanView } from '../../src/app/views/plan-view.ts';
import { progressReport } from '../../src/app/views/progress-report.ts';
import { formatAmount } from '../../src/core/money.ts';
import { allNodes, allProjects, type Plan } from '../../src/core/plan.ts';
import type { ExpectedPlan, ExpectedProject } from '../fixtures/workbooks/expected-plan.ts';

/**
 * The whole path of a workbook: file → import use case (dry run, then for real) → the stored
 * plan → the progress report. Both sides are reduced to the same plain shape so a test compares
 * the stored plan with the fixture's expected plan in one `toEqual`.
 */
export interface WholePathRun {
  dry: MappedImportOutcome;
  real: MappedImportOutcome;
  view: PlanView;
  kpis: KpiRecord[];
}

export async function importWholePath(
  ctx: AppContext,
  input: { bytes: Uint8Array; fileName: string; mapping: unknown; title?: string },
  municipalityCode: string,
): Promise<WholePathRun> {
  const base = { ...input, municipalityCode };
  const dry = await importMapped(ctx, { ...base, dryRun: true });
  const real = await importMapped(ctx, base);
  const title = input.title ?? (input.mapping as { plan: { title: string } }).plan.title;
  const summary = (await ctx.store.plans.list(municipalityCode)).find((p) => p.title === title);
  if (!summary) throw new Error(`plan ${title} not stored: ${JSON.stringify(real.findings)}`);
  const view = await loadPlanView(ctx, operatorOf(municipalityCode), municipalityCode, summary.id);
  const kpis = await loadKpis(ctx, municipalityCode, summary.id);
  return { dry, real, view, kpis };
}

/** Nodes per level of a stored plan, top first. */
export function nodesPerLevel(plan: Plan): number[] {
  const counts: number[] = [];
  for (const { depth } of allNodes(plan)) counts[depth] = (counts[depth] ?? 0) + 1;
  return counts;
}

type Shape = ReturnType<typeof expectedShape>[number];

/** A stored project as the plain shape the expected plan has (what the fixtures compare). */
export function storedShape(run: WholePathRun): Shape[] {
  const noOf = new Map<number, string>();
  for (const [project, ref] of run.view.refs) noOf.set(ref.id, project.no);
  const paths = new Map<string, string[]>();
  const walk = (nodes: Plan['nodes'], path: string[]) => {
    for (const node of nodes) {
      const here = [...path, node.title];
      for (const p of node.projects) paths.set(p.no, here);
      walk(node.children, here);
    }
  };
  walk(run.view.plan.nodes, []);
  return allProjects(run.view.plan).map((p) => ({
    no: p.no,
    name: p.name,
    path: paths.get(p.no) ?? [],
    department: p.department,
    finances: [...p.finances]
      .sort((a, b) => a.fiscalYear - b.fiscalYear)
      .map((f) => ({ fiscalYear: f.fiscalYear, budget: f.budget, settlement: f.settlement })),
    indicators: run.kpis
      .filter((k) => k.projectId !== null && noOf.get(k.projectId) === p.no)
      .map((k) => ({
        name: k.definition.name,
        unit: k.definition.unit,
        category: k.definition.category ?? null,
        target: k.definition.target,
        actuals: k.actuals.map((a) => ({ fiscalYear: a.fiscalYear, value: a.value })),
      })),
  }));
}

export function expectedShape(projects: readonly ExpectedProject[]) {
  return projects.map((p) => ({
    no: p.no,
    name: p.name,
    path: p.path,
    department: p.department,
    finances: p.finances,
    indicators: p.indicators.map((k) => ({
      name: k.name,
      unit: k.unit,
      category: k.category,
      target: k.target,
      actuals: k.actuals,
    })),
  }));
}

/** The report of every year: its totals row, and the page's HTML with each total in it. */
export async function renderedReport(view: PlanView, years: readonly number[]) {
  const report = progressReport(view, [...years]);
  const html = String(await ReportPage({ view, report, all: years.length > 1 }).toString());
  return { totals: report.totals, html };
}

/** The totals as the report writes them (in the plan's unit), for a search in its HTML. */
export function totalTexts(expected: ExpectedPlan, unit: Plan['amountUnit']): string[] {
  return expected.yearTotals.flatMap((t) =>
    [t.budget, t.settlement].filter((v) => v !== null).map((v) => formatAmount(v, unit)),
  );
}
