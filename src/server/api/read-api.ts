import type { AppContext } from '../../app/app-context.ts';
import { loadVisibleKpis } from '../../app/kpi/kpi-records.ts';
import { entryWithMetrics } from '../../app/metrics/plan-with-metrics.ts';
import { type PlanDocument, planDocumentOf } from '../../app/plan-document.ts';
import { projectPaths } from '../../app/views/plan-paths.ts';
import { listVisiblePlans, loadPlanView, type PlanView } from '../../app/views/plan-view.ts';
import { searchPlan } from '../../app/views/search-plan.ts';
import { SouseiError } from '../../core/errors.ts';
import { finalAchievement, yearAchievement } from '../../core/kpi.ts';
import { type AmountUnit, executionRate, formatAmount, type Yen } from '../../core/money.ts';
import type { Actor } from '../../core/permissions.ts';
import { allProjects, type Project } from '../../core/plan.ts';
import type { ProjectStatus } from '../../core/workflow.ts';
import type {
  KpiItem,
  KpiList,
  PlanSummaryBody,
  ProjectDetail,
  ProjectItem,
  ProjectList,
} from './schemas.ts';

/**
 * The read side of the API: what a reader may see is decided by loadPlanView (the public:
 * published years only; a member of the municipality: every year), exactly as on the web pages.
 * These functions only shape it as JSON.
 */

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** Yen in the plan's unit as a JSON number (2,810,000 → 2810 in 千円), exact. */
export function inUnit(yen: Yen | null, unit: AmountUnit): number | null {
  return yen === null ? null : Number(formatAmount(yen, unit).replaceAll(',', ''));
}

const round4 = (x: number | null) =>
  x === null || !Number.isFinite(x) ? null : Math.round(x * 10_000) / 10_000;

async function visibleMunicipality(ctx: AppContext, actor: Actor | null, code: string) {
  const row = await ctx.store.municipalities.find(code);
  if (!row) throw new SouseiError('not-found', 'api.municipality-not-found');
  if (actor?.municipalityCode === code) return row;
  if (!(await ctx.store.municipalities.hasPublished(code))) {
    throw new SouseiError('not-found', 'api.municipality-not-found');
  }
  return row;
}

/** Municipalities that publish, and the token user's own. */
export async function listMunicipalities(ctx: AppContext, actor: Actor | null) {
  const rows = await ctx.store.municipalities.listPublishing();
  const own = actor ? await ctx.store.municipalities.find(actor.municipalityCode) : undefined;
  if (own && !rows.some((r) => r.code === own.code)) {
    rows.push(own);
    rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
  return { items: rows.map((r) => ({ code: r.code, name: r.name })) };
}

export async function getMunicipality(ctx: AppContext, actor: Actor | null, code: string) {
  const row = await visibleMunicipality(ctx, actor, code);
  return { code: row.code, name: row.name };
}

function planSummary(view: PlanView): PlanSummaryBody {
  const s = view.summary;
  const readable = new Set(view.readableYears);
  return {
    id: s.id,
    municipality: { code: s.municipalityCode, name: s.municipalityName },
    title: s.title,
    kind: s.kind,
    firstFiscalYear: s.firstFiscalYear,
    lastFiscalYear: s.lastFiscalYear,
    levels: [...view.plan.plan.levels],
    amountUnit: view.plan.amountUnit,
    years: view.years.filter((y) => readable.has(y.fiscalYear)),
  };
}

export async function listMunicipalityPlans(ctx: AppContext, actor: Actor | null, code: string) {
  await visibleMunicipality(ctx, actor, code);
  const items: PlanSummaryBody[] = [];
  for (const p of await listVisiblePlans(ctx, actor, code)) {
    items.push(planSummary(await loadPlanView(ctx, actor, code, p.id, { readOnly: true })));
  }
  return { items };
}

/** A plan by id as this reader may see it; not-found when they may not see it at all. */
export async function planViewById(
  ctx: AppContext,
  actor: Actor | null,
  planId: number,
): Promise<PlanView> {
  const code = await ctx.store.plans.municipalityOf(planId);
  if (code === undefined) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  return loadPlanView(ctx, actor, code, planId, { readOnly: true });
}

/** The published JSON document (docs/json-format.md) with the readable years only. */
export function planDocument(ctx: AppContext, view: PlanView): Promise<PlanDocument> {
  return planDocumentOf(ctx, view);
}

/** A fiscal year asked for in a query must be one this reader may read. */
export function readableYear(view: PlanView, fiscalYear: number | null): number | null {
  if (fiscalYear !== null && !view.readableYears.includes(fiscalYear)) {
    throw new SouseiError('not-found', 'api.year-not-found', { fiscalYear });
  }
  return fiscalYear;
}

async function statusesOf(ctx: AppContext, view: PlanView) {
  const rows = await ctx.store.projectYears.allYears(
    view.summary.municipalityCode,
    view.summary.id,
  );
  const byKey = new Map(rows.map((r) => [`${r.projectId}:${r.fiscalYear}`, r]));
  const years = view.years.filter((y) => y.status !== 'preparing').map((y) => y.fiscalYear);
  return (projectId: number) =>
    years.map((fiscalYear) => {
      const row = byKey.get(`${projectId}:${fiscalYear}`);
      const status: ProjectStatus = row?.status ?? 'untouched';
      return { fiscalYear, status, comment: row?.comment ?? null };
    });
}

type StatusesOf = Awaited<ReturnType<typeof statusesOf>>;

function projectItem(
  view: PlanView,
  project: Project,
  path: ProjectItem['path'],
  fiscalYear: number | null,
  statuses: StatusesOf | null,
): ProjectItem {
  const ref = view.refs.get(project);
  if (!ref) throw new SouseiError('internal', 'internal');
  const unit = view.plan.amountUnit;
  const item: ProjectItem = {
    id: ref.id,
    no: project.no,
    name: project.name,
    notes: [...project.notes],
    department: project.department,
    path,
    finances: project.finances
      .filter((f) => fiscalYear === null || f.fiscalYear === fiscalYear)
      .map((f) => ({
        fiscalYear: f.fiscalYear,
        budget: inUnit(f.budget, unit),
        settlement: inUnit(f.settlement, unit),
        executionRate: round4(executionRate(f.budget, f.settlement)),
      })),
  };
  // The version and the entry status change with unpublished work: members only.
  if (view.isMember && statuses) {
    item.version = ref.version;
    item.statuses = statuses(ref.id).filter(
      (s) => fiscalYear === null || s.fiscalYear === fiscalYear,
    );
  }
  return item;
}

export interface ProjectQuery {
  fiscalYear: number | null;
  department: string | null;
  q: string | null;
  limit: number;
  offset: number;
}

/** The plan's projects in tree order, filtered, one page of them. */
export async function listProjects(
  ctx: AppContext,
  view: PlanView,
  query: ProjectQuery,
): Promise<ProjectList> {
  const fiscalYear = readableYear(view, query.fiscalYear);
  let projects = allProjects(view.plan);
  const department = query.department?.trim();
  if (department) {
    const byId = /^\d+$/.test(department) ? Number(department) : null;
    projects = projects.filter((p) =>
      byId === null ? p.department === department : view.refs.get(p)?.departmentId === byId,
    );
  }
  if (query.q?.trim()) {
    const hits = searchPlan(
      { plan: view.plan, refs: view.refs, readableYears: view.readableYears },
      query.q,
    );
    const found = new Set(hits.hits.map((h) => h.project));
    projects = projects.filter((p) => found.has(p));
  }
  const paths = projectPaths(view.plan);
  const statuses = view.isMember ? await statusesOf(ctx, view) : null;
  const page = projects.slice(query.offset, query.offset + query.limit);
  return {
    planId: view.summary.id,
    amountUnit: view.plan.amountUnit,
    fiscalYear,
    total: projects.length,
    limit: query.limit,
    offset: query.offset,
    items: page.map((p) => projectItem(view, p, paths.get(p) ?? [], fiscalYear, statuses)),
  };
}

export async function getProject(
  ctx: AppContext,
  view: PlanView,
  projectId: number,
): Promise<ProjectDetail> {
  const entry = [...view.refs].find(([, ref]) => ref.id === projectId);
  if (!entry) throw new SouseiError('not-found', 'project.not-found', { id: projectId });
  const [project] = entry;
  const statuses = view.isMember ? await statusesOf(ctx, view) : null;
  const item = projectItem(
    view,
    project,
    projectPaths(view.plan).get(project) ?? [],
    null,
    statuses,
  );
  const code = view.summary.municipalityCode;
  const withMetrics = entryWithMetrics(view, await ctx.store.metrics.ofProject(code, projectId));
  return {
    ...item,
    amountUnit: view.plan.amountUnit,
    activities: project.activities.map((a) => ({
      title: a.title,
      text: a.text,
      source: a.source,
      relistOf: a.relistOf ? { ...a.relistOf } : null,
      entries: a.entries.map(withMetrics),
    })),
  };
}

/**
 * KPIs with their actuals of the readable years and the achievement rates computed from those
 * alone: a cumulative KPI never adds in a year the reader may not see.
 */
export async function listKpis(
  ctx: AppContext,
  view: PlanView,
  asked: number | null,
): Promise<KpiList> {
  const fiscalYear = readableYear(view, asked);
  const code = view.summary.municipalityCode;
  const planId = view.summary.id;
  // Through the one public rule: no KPI defined in, and no actual of, an unreadable year.
  const [records, { nodes }] = await Promise.all([
    loadVisibleKpis(ctx, code, planId, view.readableYears),
    ctx.store.kpis.tree(code, planId),
  ]);
  const nodeTitle = new Map(nodes.map((n) => [n.id, n.title]));
  const projectTitle = new Map(
    [...view.refs].map(([p, ref]) => [ref.id, `${p.no}. ${p.name}`] as const),
  );
  const readable = new Set(view.readableYears);
  const first = view.summary.firstFiscalYear;
  const items: KpiItem[] = records.map((k) => {
    const d = k.definition;
    const actuals = k.actuals.filter((a) => readable.has(a.fiscalYear));
    const ownerId = (k.scope === 'project' ? k.projectId : k.nodeId) ?? 0;
    return {
      id: k.id,
      scope: k.scope,
      owner: {
        id: ownerId,
        title: (k.scope === 'project' ? projectTitle.get(ownerId) : nodeTitle.get(ownerId)) ?? '',
      },
      name: d.name,
      unit: d.unit,
      direction: d.direction,
      kind: d.kind,
      baseline: d.baseline ? { ...d.baseline } : null,
      target: d.target ? { ...d.target } : null,
      yearTargets: d.yearTargets.map((y) => ({ ...y })),
      actuals: actuals
        .filter((a) => fiscalYear === null || a.fiscalYear === fiscalYear)
        .map((a) => {
          const year = yearAchievement(d, actuals, a.fiscalYear, first);
          const final = finalAchievement(d, actuals, a.fiscalYear, first);
          return {
            fiscalYear: a.fiscalYear,
            value: a.value,
            asOf: a.asOf,
            source: a.source,
            progressValue: year.actual,
            yearTarget: year.target,
            yearRate: round4(year.rate),
            finalRate: round4(final.rate),
          };
        }),
    };
  });
  return { planId, fiscalYear, items };
}
