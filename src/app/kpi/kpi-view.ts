import { SouseiError } from '../../core/errors.ts';
import { type Figure, figureFor } from '../../core/extract-figures.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import {
  type Achievement,
  finalAchievement,
  type KpiActual,
  type KpiScope,
  yearAchievement,
} from '../../core/kpi.ts';
import { type Actor, canEnterKpiActual, canManageKpi, isAdmin } from '../../core/permissions.ts';
import { bandFor, type StatusBand, type StatusScale } from '../../core/status-scale.ts';
import type { YearStatus } from '../../core/workflow.ts';
import type { KpiTreeNode, KpiTreeProject } from '../../store/kpis/kpi-owner-reads.ts';
import type { LocatedMetric } from '../../store/metrics/metric-store.ts';
import type { AppContext } from '../app-context.ts';
import { loadSettings } from '../evaluation/municipality-settings.ts';
import type { PlanView } from '../views/plan-view.ts';
import { type KpiRecord, loadVisibleKpis } from './kpi-records.ts';

/** Where a KPI belongs, as a reader sees it. */
export interface KpiOwnerRef {
  scope: KpiScope;
  /** The node (goal, measure) or project id. */
  id: number;
  /** The level's name in this plan (基本目標, 具体的な施策, 事業). */
  level: string;
  /** The node's title, or the project's number and name. */
  title: string;
  /** The project's department (project KPIs), for permissions. */
  departmentId: number | null;
}

/** A KPI for one fiscal year: the year's own actual and both achievements, computed. */
export interface KpiLine {
  record: KpiRecord;
  owner: KpiOwnerRef;
  fiscalYear: FiscalYear;
  /** The year's own actual (with its as-of date and source), or null. */
  actual: (KpiActual & { entryId: number | null }) | null;
  /** Against the year's target (its own, pro-rated or final); a cumulative KPI's sum so far. */
  year: Achievement;
  /** The value reached by the year against the final target. */
  final: Achievement;
  /** The band of the year's rate on the municipality's scale, and its position (0 = best). */
  band: { band: StatusBand; index: number } | null;
  canManage: boolean;
  canEnterActual: boolean;
}

/** A goal, a measure or a project with its KPIs, in the plan's tree order. */
export interface KpiGroup {
  owner: KpiOwnerRef;
  /** 0 for a basic goal; a project sits one below its node. */
  depth: number;
  kpis: KpiLine[];
  /** Whether the actor may add a KPI here. */
  canAdd: boolean;
}

export interface KpiPageView {
  fiscalYear: FiscalYear;
  yearStatus: YearStatus;
  scale: StatusScale;
  /** Groups with KPIs, where the actor may add one, and the nodes above them as headings. */
  groups: KpiGroup[];
  count: number;
  canImport: boolean;
}

type TreeNode = KpiTreeNode;
type TreeProject = KpiTreeProject;

interface PlanTree {
  nodes: TreeNode[];
  projects: TreeProject[];
  levels: string[];
}

async function loadTree(ctx: AppContext, code: string, view: PlanView): Promise<PlanTree> {
  const tree = await ctx.store.kpis.tree(code, view.summary.id);
  return { ...tree, levels: view.plan.plan.levels };
}

function nodeOwner(tree: PlanTree, n: TreeNode): KpiOwnerRef {
  return {
    scope: n.depth === 0 ? 'goal' : 'measure',
    id: n.id,
    level: tree.levels[n.depth] ?? '',
    title: n.title,
    departmentId: null,
  };
}

function projectOwner(tree: PlanTree, p: TreeProject): KpiOwnerRef {
  return {
    scope: 'project',
    id: p.id,
    level: tree.levels.at(-1) ?? '事業',
    title: `${p.no}. ${p.name}`,
    departmentId: p.departmentId,
  };
}

/** The owner's place in the tree, top first, the owner last. */
function pathTo(tree: PlanTree, node: TreeNode, owner: KpiOwnerRef) {
  const path: { level: string; title: string }[] = [];
  for (let n: TreeNode | undefined = node; n; ) {
    path.unshift({ level: tree.levels[n.depth] ?? '', title: n.title });
    const parentId: number | null = n.parentId;
    n = parentId === null ? undefined : tree.nodes.find((x) => x.id === parentId);
  }
  if (owner.scope === 'project') path.push({ level: owner.level, title: owner.title });
  return path;
}

function lineFor(
  record: KpiRecord,
  owner: KpiOwnerRef,
  fiscalYear: FiscalYear,
  status: YearStatus,
  context: { actor: Actor | null; code: string; scale: StatusScale; firstYear: FiscalYear },
): KpiLine {
  const def = record.definition;
  const year = yearAchievement(def, record.actuals, fiscalYear, context.firstYear);
  const final = finalAchievement(def, record.actuals, fiscalYear, context.firstYear);
  const band = bandFor(year.rate, context.scale);
  return {
    record,
    owner,
    fiscalYear,
    actual: record.actuals.find((a) => a.fiscalYear === fiscalYear) ?? null,
    year,
    final,
    band: band ? { band, index: context.scale.bands.indexOf(band) } : null,
    canManage: canManageKpi(context.actor, context.code, owner),
    canEnterActual: canEnterKpiActual(context.actor, context.code, owner, status),
  };
}

const statusOf = (view: PlanView, fy: FiscalYear): YearStatus =>
  view.years.find((y) => y.fiscalYear === fy)?.status ?? 'preparing';

/**
 * The KPI page of a plan for one fiscal year the actor may read: every KPI under its goal,
 * measure or project in tree order, with the year's actual, both achievement rates and the band
 * on the municipality's scale. Actuals of years the actor may not read are never loaded into it.
 */
export async function loadKpiPage(
  ctx: AppContext,
  actor: Actor | null,
  view: PlanView,
  fiscalYear: FiscalYear,
): Promise<KpiPageView> {
  if (!view.readableYears.includes(fiscalYear)) {
    throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  }
  const code = view.summary.municipalityCode;
  const [tree, records, settings] = await Promise.all([
    loadTree(ctx, code, view),
    loadVisibleKpis(ctx, code, view.summary.id, view.readableYears),
    loadSettings(ctx, code),
  ]);
  const status = statusOf(view, fiscalYear);
  const context = {
    actor,
    code,
    scale: settings.scale,
    firstYear: view.summary.firstFiscalYear,
  };
  const lines = (scope: 'node' | 'project', owner: KpiOwnerRef) =>
    records
      .filter((r) => (scope === 'project' ? r.projectId === owner.id : r.nodeId === owner.id))
      .filter((r) => (scope === 'project') === (r.scope === 'project'))
      .map((r) => lineFor(r, owner, fiscalYear, status, context));

  const groups: KpiGroup[] = [];
  const walk = (parentId: number | null): boolean => {
    let any = false;
    for (const n of tree.nodes.filter((x) => x.parentId === parentId)) {
      const owner = nodeOwner(tree, n);
      const group: KpiGroup = {
        owner,
        depth: n.depth,
        kpis: lines('node', owner),
        canAdd: canManageKpi(actor, code, owner),
      };
      const at = groups.length;
      groups.push(group);
      let below = false;
      for (const p of tree.projects.filter((x) => x.nodeId === n.id)) {
        const pOwner = projectOwner(tree, p);
        const pGroup: KpiGroup = {
          owner: pOwner,
          depth: n.depth + 1,
          kpis: lines('project', pOwner),
          canAdd: canManageKpi(actor, code, pOwner),
        };
        if (pGroup.kpis.length > 0 || pGroup.canAdd) {
          groups.push(pGroup);
          below = true;
        }
      }
      if (walk(n.id)) below = true;
      if (group.kpis.length > 0 || group.canAdd || below) any = true;
      else groups.splice(at, 1);
    }
    return any;
  };
  walk(null);
  return {
    fiscalYear,
    yearStatus: status,
    scale: settings.scale,
    groups,
    count: records.length,
    canImport: isAdmin(actor, code),
  };
}

/** One year of a KPI on its own page. */
export interface KpiYearRow {
  fiscalYear: FiscalYear;
  status: YearStatus;
  /** The year's own target, when one is set. */
  ownTarget: number | null;
  line: KpiLine;
}

/** A result of the KPI's project in the selected year, to mark as a KPI result. */
export interface KpiResultChoice {
  entryId: number;
  activityTitle: string;
  text: string;
  /** The figure the KPI would take from it (in the KPI's unit where there is one). */
  figure: Figure | null;
  /** Already marked as a KPI result, and linked to which KPI. */
  marked: boolean;
  linkedKpiId: number | null;
}

export interface KpiDetailView {
  /** The selected year. */
  line: KpiLine;
  /** The owner's place in the tree, top first (the owner last). */
  path: { level: string; title: string }[];
  scale: StatusScale;
  yearStatus: YearStatus;
  years: KpiYearRow[];
  /** Project KPIs, for those who may enter the year's actual: the project's results of the year. */
  results: KpiResultChoice[];
  /**
   * For those who may enter the year's actual: the stored figures of the year's results that
   * can become it (issue 12): the project's own for a project KPI, the plan's for the others.
   */
  metrics: LocatedMetric[];
}

/** A KPI's own page: its definition, every readable year, and what may be entered for one. */
export async function loadKpiDetail(
  ctx: AppContext,
  actor: Actor | null,
  view: PlanView,
  kpiId: number,
  fiscalYear: FiscalYear,
): Promise<KpiDetailView> {
  if (!view.readableYears.includes(fiscalYear)) {
    throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  }
  const code = view.summary.municipalityCode;
  const [tree, records, settings] = await Promise.all([
    loadTree(ctx, code, view),
    loadVisibleKpis(ctx, code, view.summary.id, view.readableYears),
    loadSettings(ctx, code),
  ]);
  // A KPI defined in a year the reader may not see is not found, like any other.
  const record = records.find((r) => r.id === kpiId);
  if (!record) throw new SouseiError('not-found', 'kpi.not-found');
  const project =
    record.scope === 'project' ? tree.projects.find((p) => p.id === record.projectId) : undefined;
  const node = tree.nodes.find((n) => n.id === (project ? project.nodeId : record.nodeId));
  if (!node) throw new SouseiError('not-found', 'kpi.not-found');
  const owner = project ? projectOwner(tree, project) : nodeOwner(tree, node);
  const path = pathTo(tree, node, owner);
  const context = { actor, code, scale: settings.scale, firstYear: view.summary.firstFiscalYear };
  const status = statusOf(view, fiscalYear);
  const line = lineFor(record, owner, fiscalYear, status, context);
  const years = view.readableYears.map((fy) => ({
    fiscalYear: fy,
    status: statusOf(view, fy),
    ownTarget: record.definition.yearTargets.find((y) => y.fiscalYear === fy)?.value ?? null,
    line: lineFor(record, owner, fy, statusOf(view, fy), context),
  }));
  let results: KpiResultChoice[] = [];
  if (project && line.canEnterActual) {
    const rows = await ctx.store.kpis.resultsOf(code, project.id, fiscalYear);
    results = rows.map((r) => ({ ...r, figure: figureFor(r.text, record.definition.unit) }));
  }
  const metrics = line.canEnterActual
    ? (await ctx.store.metrics.ofPlan(code, view.summary.id, [fiscalYear])).filter(
        (m) => !project || m.projectId === project.id,
      )
    : [];
  return { line, path, scale: settings.scale, yearStatus: status, years, results, metrics };
}

/** Where a new KPI would go, for the form's heading; checked to be in the plan. */
export async function loadKpiOwner(
  ctx: AppContext,
  view: PlanView,
  where: { scope: KpiScope; id: number },
): Promise<{ owner: KpiOwnerRef; path: { level: string; title: string }[] }> {
  const code = view.summary.municipalityCode;
  const tree = await loadTree(ctx, code, view);
  const project =
    where.scope === 'project' ? tree.projects.find((p) => p.id === where.id) : undefined;
  const node = tree.nodes.find((n) => n.id === (project ? project.nodeId : where.id));
  const scopeFits =
    where.scope === 'project'
      ? project !== undefined
      : node !== undefined && (where.scope === 'goal') === (node.depth === 0);
  if (!node || !scopeFits) throw new SouseiError('not-found', 'kpi.node-not-found');
  const owner = project ? projectOwner(tree, project) : nodeOwner(tree, node);
  const path = pathTo(tree, node, owner);
  return { owner, path };
}
