import { SouseiError } from '../../core/errors.ts';
import { fiscalYearsBetween } from '../../core/fiscal-year.ts';
import { type Actor, canReadPlan, canReadYear } from '../../core/permissions.ts';
import { allProjects, type Entry, type Plan, type Project } from '../../core/plan.ts';
import { isPublicYear, publicPlan } from '../../core/public-projection.ts';
import type { YearStatus } from '../../core/workflow.ts';
import type { PlanSummary, ProjectRef } from '../../store/load-plan.ts';
import type { AppContext } from '../app-context.ts';
import { fiscalYearsWithFigures } from '../resolve-plan.ts';
import { sharedIndexedPlan } from './shared-plan.ts';

export interface PlanView {
  summary: PlanSummary;
  /** The plan as this actor may see it (the public: published years only). */
  plan: Plan;
  refs: Map<Project, ProjectRef>;
  /** Stored entry ids by entry (the projection keeps the entry objects it shows). */
  entryIds: Map<Entry, number>;
  /** Every year of the plan period and any other with figures, with its status. */
  years: { fiscalYear: number; status: YearStatus }[];
  /** Years this actor may read, oldest first. */
  readableYears: number[];
  departments: Map<number, string>;
  isMember: boolean;
}

/** Plans of a municipality this actor may see (the public: those with a published year). */
export async function listVisiblePlans(ctx: AppContext, actor: Actor | null, code: string) {
  const plans = await ctx.store.plans.list(code);
  const out: PlanSummary[] = [];
  for (const p of plans) {
    const statuses = await ctx.store.years.statuses(code, p.id);
    if (canReadPlan(actor, code, [...statuses.values()].includes('published'))) out.push(p);
  }
  return out;
}

export interface LoadPlanViewOptions {
  /** The caller only reads the view: its plan may be shared with other requests (shared-plan). */
  readOnly?: boolean;
}

/** Loads a plan for a page; not-found (not forbidden) when the actor may not see it at all. */
export async function loadPlanView(
  ctx: AppContext,
  actor: Actor | null,
  code: string,
  planId: number,
  options: LoadPlanViewOptions = {},
): Promise<PlanView> {
  const summary = await ctx.store.plans.summary(code, planId);
  const load = () =>
    options.readOnly
      ? sharedIndexedPlan(ctx, code, planId)
      : ctx.store.plans.loadIndexed(code, planId);
  const indexed = summary ? await load() : undefined;
  if (!summary || !indexed) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  const statuses = await ctx.store.years.statuses(code, planId);
  const published = [...statuses].filter(([, s]) => s === 'published').map(([fy]) => fy);
  if (!canReadPlan(actor, code, published.length > 0)) {
    throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  }
  const all = new Set([
    ...fiscalYearsBetween(summary.firstFiscalYear, summary.lastFiscalYear),
    ...fiscalYearsWithFigures(indexed.plan),
    ...statuses.keys(),
  ]);
  const years = [...all]
    .sort((a, b) => a - b)
    .map((fiscalYear) => ({
      fiscalYear,
      status: statuses.get(fiscalYear) ?? ('preparing' as YearStatus),
    }));
  const readableYears = years
    .filter((y) => canReadYear(actor, code, y.status))
    .map((y) => y.fiscalYear);
  const isMember = actor?.municipalityCode === code;
  let plan = indexed.plan;
  let refs = indexed.projects;
  if (!isMember) {
    // The public copy has new project objects in the same tree order: zip the two walks.
    const published = new Set(readableYears);
    const restricted = publicPlan(plan, published);
    const original = allProjects(plan);
    refs = new Map(
      allProjects(restricted).map((p, i) => {
        const source = original[i] as Project;
        const ref = indexed.projects.get(source) as ProjectRef;
        const activityIds = ref.activityIds.filter((_, j) =>
          isPublicYear(source.activities[j]?.introducedIn, published),
        );
        return [p, { ...ref, activityIds }];
      }),
    );
    plan = restricted;
  }
  const departmentRows = await ctx.store.departments.list(code);
  return {
    summary,
    plan,
    refs,
    entryIds: indexed.entryIds,
    years,
    readableYears,
    departments: new Map(departmentRows.map((d) => [d.id, d.name])),
    isMember,
  };
}
