import type { Finding } from '../../core/finding.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Yen } from '../../core/money.ts';
import type { Plan, PlanNode, Project } from '../../core/plan.ts';
import type { MappingSummary } from '../../formats/mapping/read-mapped-rows.ts';
import type { ImportedRecords } from '../../store/plans/save-imported-records.ts';
import type { AppContext } from '../app-context.ts';
import { importFile } from './import-file.ts';
import type { ImportInput } from './import-input.ts';

/** How many projects a preview shows, tree and all. */
export const PREVIEW_PROJECTS = 20;

export interface PreviewNode {
  kind: 'node';
  depth: number;
  /** The level's name (政策, 施策, …). */
  level: string;
  title: string;
  code: string | null;
}

export interface PreviewIndicator {
  name: string;
  unit: string;
  target: { fiscalYear: FiscalYear; value: number } | null;
  actuals: { fiscalYear: FiscalYear; value: number }[];
}

export interface PreviewProject {
  kind: 'project';
  depth: number;
  no: string;
  name: string;
  department: string | null;
  /** Budget and settlement in yen per fiscal year of the preview (null: no value). */
  amounts: Map<FiscalYear, { budget: Yen | null; settlement: Yen | null }>;
  indicators: PreviewIndicator[];
  evaluations: { fiscalYear: FiscalYear; effect: string | null; policy: string | null }[];
}

/** What a mapped import would store, shown before anything is written. */
export interface ImportPreview {
  /** Every problem of the dry run; any error means 取り込む would write nothing. */
  findings: Finding[];
  /** Content checks of the years (reported, not blocking). */
  checks: Finding[];
  summary: MappingSummary | null;
  /** The plan's level names, top first, the projects' last. */
  levels: string[];
  /** The tree's first rows (goal → measure → project), in the order they would be stored. */
  rows: (PreviewNode | PreviewProject)[];
  fiscalYears: FiscalYear[];
  shownProjects: number;
  totalProjects: number;
}

/**
 * The dry run of the one import use case, turned into what the import page shows: the first
 * projects with the tree above them, their amounts per year, indicators and evaluations, the
 * summary and every finding. Nothing is written.
 */
export async function previewImport(ctx: AppContext, input: ImportInput): Promise<ImportPreview> {
  const outcome = await importFile(ctx, { ...input, dryRun: true });
  const plan = outcome.plan;
  const rows = plan ? treeRows(plan, outcome.records, PREVIEW_PROJECTS) : [];
  return {
    findings: outcome.findings,
    checks: outcome.checks,
    summary: outcome.summary,
    levels: plan?.plan.levels ?? [],
    rows,
    fiscalYears: [...outcome.fiscalYears].sort((a, b) => a - b),
    shownProjects: rows.filter((r) => r.kind === 'project').length,
    totalProjects: outcome.summary?.projects ?? 0,
  };
}

function treeRows(
  plan: Plan,
  records: ImportedRecords | undefined,
  limit: number,
): (PreviewNode | PreviewProject)[] {
  const out: (PreviewNode | PreviewProject)[] = [];
  let shown = 0;
  const visit = (node: PlanNode, depth: number) => {
    if (shown >= limit) return;
    out.push({
      kind: 'node',
      depth,
      level: plan.plan.levels[depth] ?? '',
      title: node.title,
      code: node.code ?? null,
    });
    for (const project of node.projects) {
      if (shown >= limit) return;
      out.push(projectRow(project, depth + 1, records));
      shown++;
    }
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const node of plan.nodes) visit(node, 0);
  return out;
}

function projectRow(
  project: Project,
  depth: number,
  records: ImportedRecords | undefined,
): PreviewProject {
  const kpis = records?.kpis.filter((k) => k.projectNo === project.no) ?? [];
  return {
    kind: 'project',
    depth,
    no: project.no,
    name: project.name,
    department: project.department,
    amounts: new Map(
      project.finances.map((f) => [f.fiscalYear, { budget: f.budget, settlement: f.settlement }]),
    ),
    indicators: kpis.map((k) => ({
      name: k.definition.name,
      unit: k.definition.unit,
      target: k.definition.target ?? null,
      actuals: k.actuals.map((a) => ({ fiscalYear: a.fiscalYear, value: a.value })),
    })),
    evaluations: (records?.evaluations ?? [])
      .filter((e) => e.projectNo === project.no)
      .map((e) => ({ fiscalYear: e.fiscalYear, effect: e.effect, policy: e.policy })),
  };
}
