import type { Context } from 'hono';
import { loadKpiDetail, loadKpiPage } from '../../app/kpi/kpi-view.ts';
import { defaultYearOf } from '../../app/views/default-year.ts';
import { loadPlanView, type PlanView } from '../../app/views/plan-view.ts';
import { SouseiError } from '../../core/errors.ts';
import { type FiscalYear, fiscalYearsBetween } from '../../core/fiscal-year.ts';
import type { KpiScope } from '../../core/kpi.ts';
import type { Actor } from '../../core/permissions.ts';
import type { ServerEnv } from '../env.ts';
import {
  type ActualFormState,
  actualFormOf,
  type FieldErrors,
  type KpiFormState,
} from '../forms/kpi-form.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';
import { page } from '../render.tsx';
import type { PlanAddress } from '../urls.ts';
import { fyLabel } from '../views/format.ts';
import { KpiDetailPage } from '../views/kpi-detail-page.tsx';
import { type KpiImportReport, KpiPage } from '../views/kpi-page.tsx';
import { planNav } from '../views/plan-nav.ts';

/**
 * The KPI pages' shared parts: the plan a request is about, the year shown, the navigation,
 * and rendering the list and a KPI's page (with any errors of a refused action).
 */
export const notFound = () => new SouseiError('not-found', 'plan.not-found', { detail: '' });

/** Uploads larger than this are refused before reading (a KPI table is a few kilobytes). */
export const MAX_UPLOAD_MB = 5;

/** The plan's address (code and id) with what the KPI pages need of it. */
export interface PlanContext extends PlanAddress {
  actor: Actor | null;
  view: PlanView;
  municipality: { code: string; name: string };
}

export async function planContext(c: Context<ServerEnv>): Promise<PlanContext> {
  const code = codeParam(c);
  const planId = idParam(c, 'planId');
  const actor = c.get('actor');
  const view = await loadPlanView(c.get('app'), actor, code, planId);
  return {
    code,
    planId,
    actor,
    view,
    municipality: { code, name: view.summary.municipalityName },
  };
}

/** `?fy=` or the plan page's default; a year the actor may not read is not found. */
export function selectedYear(c: Context<ServerEnv>, view: PlanView): FiscalYear {
  const fy = fiscalYearQuery(c) ?? defaultYearOf(view, 'work');
  if (fy === undefined || fy === null || !view.readableYears.includes(fy)) throw notFound();
  return fy;
}

export function nav(p: PlanContext, fy: FiscalYear, current = true) {
  return planNav(p.actor, p, 'kpis', fy).map((i) => ({
    ...i,
    current: current && i.current,
  }));
}

/** Years a KPI form offers targets for: the plan period and any year that already has one. */
export function targetYears(view: PlanView, state: KpiFormState): FiscalYear[] {
  const years = new Set([
    ...fiscalYearsBetween(view.summary.firstFiscalYear, view.summary.lastFiscalYear),
    ...Object.keys(state.yearTargets).map(Number),
  ]);
  return [...years].sort((a, b) => a - b);
}

export async function renderList(
  c: Context<ServerEnv>,
  p: PlanContext,
  fy: FiscalYear,
  options: { notice?: string | null; report?: KpiImportReport | null; status?: number } = {},
) {
  const kpiPage = await loadKpiPage(c.get('app'), p.actor, p.view, fy);
  return page(
    c,
    `KPI | ${p.view.summary.title} ${fyLabel(fy)}`,
    <KpiPage
      view={p.view}
      page={kpiPage}
      address={p}
      csrf={c.get('csrfToken')}
      notice={options.notice ?? null}
      importReport={options.report ?? null}
    />,
    { municipality: p.municipality, nav: nav(p, fy), status: options.status },
  );
}

export async function renderDetail(
  c: Context<ServerEnv>,
  p: PlanContext,
  kpiId: number,
  fy: FiscalYear,
  options: {
    notice?: string | null;
    actualForm?: ActualFormState;
    actualErrors?: FieldErrors;
    linkError?: string | null;
    status?: number;
  } = {},
) {
  const detail = await loadKpiDetail(c.get('app'), p.actor, p.view, kpiId, fy);
  return page(
    c,
    `${detail.line.record.definition.name} | KPI | ${p.view.summary.title}`,
    <KpiDetailPage
      view={p.view}
      detail={detail}
      address={p}
      csrf={c.get('csrfToken')}
      notice={options.notice ?? null}
      actualForm={options.actualForm ?? actualFormOf(detail.line.actual)}
      actualErrors={options.actualErrors ?? {}}
      linkError={options.linkError ?? null}
    />,
    { municipality: p.municipality, nav: nav(p, fy, false), status: options.status },
  );
}

/** `?scope=goal|measure&node=ID` or `?scope=project&project=ID`. */
export function ownerQuery(c: Context<ServerEnv>): { scope: KpiScope; id: number } {
  const scope = c.req.query('scope');
  const id = c.req.query(scope === 'project' ? 'project' : 'node') ?? '';
  if ((scope !== 'goal' && scope !== 'measure' && scope !== 'project') || !/^\d{1,12}$/.test(id)) {
    throw notFound();
  }
  return { scope, id: Number(id) };
}
