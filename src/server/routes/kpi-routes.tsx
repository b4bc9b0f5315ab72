import type { Context } from 'hono';
import { Hono } from 'hono';
import { importKpis } from '../../app/kpi/import-kpis.ts';
import { loadKpiDetail, loadKpiOwner, loadKpiPage } from '../../app/kpi/kpi-view.ts';
import { linkEntryToKpi, saveKpi, saveKpiActual } from '../../app/kpi/save-kpi.ts';
import { loadPlanView, type PlanView } from '../../app/views/plan-view.ts';
import { SouseiError } from '../../core/errors.ts';
import { type FiscalYear, fiscalYearsBetween } from '../../core/fiscal-year.ts';
import type { KpiScope } from '../../core/kpi.ts';
import { type Actor, canManageKpi } from '../../core/permissions.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { type FormBody, field, formBody } from '../form-body.ts';
import {
  type ActualFormState,
  actualFormOf,
  emptyKpiForm,
  type FieldErrors,
  type KpiFormState,
  kpiFormOf,
  readActualForm,
  readKpiForm,
  validateActualForm,
  validateKpiForm,
} from '../forms/kpi-form.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';
import { page } from '../render.tsx';
import { fyLabel } from '../views/format.ts';
import { KpiDetailPage } from '../views/kpi-detail-page.tsx';
import { KpiFormPage } from '../views/kpi-form-page.tsx';
import { kpiNumber } from '../views/kpi-format.ts';
import { type KpiImportReport, KpiPage } from '../views/kpi-page.tsx';
import { planNav } from '../views/plan-nav.ts';
import { defaultYear } from './plan-routes.tsx';

const notFound = () => new SouseiError('not-found', 'plan.not-found', { detail: '' });

/** Uploads larger than this are refused before reading (a KPI table is a few kilobytes). */
const MAX_UPLOAD_MB = 5;

interface PlanContext {
  code: string;
  planId: number;
  actor: Actor | null;
  view: PlanView;
  base: string;
  municipality: { code: string; name: string };
}

async function planContext(c: Context<ServerEnv>): Promise<PlanContext> {
  const code = codeParam(c);
  const planId = idParam(c, 'planId');
  const actor = c.get('actor');
  const view = await loadPlanView(c.get('app'), actor, code, planId);
  return {
    code,
    planId,
    actor,
    view,
    base: `/m/${code}/plans/${planId}`,
    municipality: { code, name: view.summary.municipalityName },
  };
}

/** `?fy=` or the plan page's default; a year the actor may not read is not found. */
function selectedYear(c: Context<ServerEnv>, view: PlanView): FiscalYear {
  const fy = fiscalYearQuery(c) ?? defaultYear(view);
  if (fy === undefined || fy === null || !view.readableYears.includes(fy)) throw notFound();
  return fy;
}

function nav(p: PlanContext, fy: FiscalYear, current = true) {
  return planNav(p.actor, p.code, p.base, 'kpis', fy).map((i) => ({
    ...i,
    current: current && i.current,
  }));
}

/** Years a KPI form offers targets for: the plan period and any year that already has one. */
function targetYears(view: PlanView, state: KpiFormState): FiscalYear[] {
  const years = new Set([
    ...fiscalYearsBetween(view.summary.firstFiscalYear, view.summary.lastFiscalYear),
    ...Object.keys(state.yearTargets).map(Number),
  ]);
  return [...years].sort((a, b) => a - b);
}

async function renderList(
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
      base={p.base}
      csrf={c.get('csrfToken')}
      notice={options.notice ?? null}
      importReport={options.report ?? null}
    />,
    { municipality: p.municipality, nav: nav(p, fy), status: options.status },
  );
}

async function renderDetail(
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
      base={p.base}
      csrf={c.get('csrfToken')}
      notice={options.notice ?? null}
      actualForm={options.actualForm ?? actualFormOf(detail.line.actual)}
      actualErrors={options.actualErrors ?? {}}
      linkError={options.linkError ?? null}
    />,
    { municipality: p.municipality, nav: nav(p, fy, false), status: options.status },
  );
}

function requireActor(c: Context<ServerEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new SouseiError('unauthenticated', 'auth.required');
  return actor;
}

/** `?scope=goal|measure&node=ID` or `?scope=project&project=ID`. */
function ownerQuery(c: Context<ServerEnv>): { scope: KpiScope; id: number } {
  const scope = c.req.query('scope');
  const id = c.req.query(scope === 'project' ? 'project' : 'node') ?? '';
  if ((scope !== 'goal' && scope !== 'measure' && scope !== 'project') || !/^\d{1,12}$/.test(id)) {
    throw notFound();
  }
  return { scope, id: Number(id) };
}

/** KPIs and numerical goals: list with achievement, definitions, actuals, KPI results, import. */
export function kpiRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const path = '/m/:code/plans/:planId/kpis';

  app.get(path, async (c) => {
    const p = await planContext(c);
    const fy = selectedYear(c, p.view);
    const notice = c.req.query('saved') === '1' ? t('kpi.saved') : null;
    return renderList(c, p, fy, { notice });
  });

  // A new KPI for a goal, a measure or a project.
  const newForm = async (
    c: Context<ServerEnv>,
    state: KpiFormState | null,
    errors: FieldErrors = {},
  ) => {
    const p = await planContext(c);
    const where = ownerQuery(c);
    const { owner, path: ownerPath } = await loadKpiOwner(c.get('app'), p.view, where);
    if (!canManageKpi(p.actor, p.code, owner)) throw new SouseiError('forbidden', 'auth.forbidden');
    const fy = fiscalYearQuery(c) ?? defaultYear(p.view) ?? p.view.summary.firstFiscalYear;
    const shown = state ?? emptyKpiForm();
    const query = `scope=${where.scope}&${where.scope === 'project' ? 'project' : 'node'}=${where.id}&fy=${fy}`;
    return {
      p,
      owner,
      fy,
      render: () =>
        page(
          c,
          `KPI の追加 | ${p.view.summary.title}`,
          <KpiFormPage
            mode="new"
            action={`${p.base}/kpis/new?${query}`}
            backUrl={`${p.base}/kpis?fy=${fy}`}
            csrf={c.get('csrfToken')}
            scope={where.scope}
            path={ownerPath}
            years={targetYears(p.view, shown)}
            state={shown}
            errors={errors}
          />,
          {
            municipality: p.municipality,
            nav: nav(p, fy, false),
            status: Object.keys(errors).length > 0 ? 422 : 200,
          },
        ),
    };
  };

  app.get(`${path}/new`, async (c) => (await newForm(c, null)).render());

  app.post(`${path}/new`, async (c) => {
    requireActor(c);
    const first = await newForm(c, null);
    const years = fiscalYearsBetween(
      first.p.view.summary.firstFiscalYear,
      first.p.view.summary.lastFiscalYear,
    );
    const state = readKpiForm(await formBody(c), years);
    const checked = validateKpiForm(state, { scope: first.owner.scope, id: first.owner.id });
    if (!checked.ok) return (await newForm(c, state, checked.errors)).render();
    const id = await saveKpi(c.get('app'), first.p.actor, {
      municipalityCode: first.p.code,
      planId: first.p.planId,
      input: checked.input,
    });
    return c.redirect(`${first.p.base}/kpis/${id}?fy=${first.fy}&saved=1`, 303);
  });

  app.post(`${path}/import`, async (c) => {
    const actor = requireActor(c);
    const p = await planContext(c);
    const fy = selectedYear(c, p.view);
    const body = await formBody(c);
    const file = body.file;
    const upload = Array.isArray(file) ? file[0] : file;
    if (!upload || typeof upload === 'string' || upload.size === 0) {
      throw new SouseiError('usage', 'kpi.import.no-file');
    }
    if (upload.size > MAX_UPLOAD_MB * 1024 * 1024) {
      throw new SouseiError('usage', 'kpi.import.too-large', { max: MAX_UPLOAD_MB });
    }
    const dryRun = field(body, 'dryRun') === '1';
    const fileName = upload.name || 'kpis.csv';
    const outcome = await importKpis(
      c.get('app'),
      { actor },
      {
        fileName,
        bytes: new Uint8Array(await upload.arrayBuffer()),
        municipalityCode: p.code,
        planId: p.planId,
        dryRun,
      },
    );
    const failed = outcome.findings.some((f) => f.severity === 'error');
    return renderList(c, p, fy, {
      report: {
        fileName,
        dryRun,
        written: outcome.written,
        rows: outcome.rows,
        findings: outcome.findings,
        changes: outcome.changes,
      },
      status: failed ? 422 : 200,
    });
  });

  app.get(`${path}/:kpiId`, async (c) => {
    const p = await planContext(c);
    const kpiId = idParam(c, 'kpiId');
    const fy = selectedYear(c, p.view);
    const saved = c.req.query('saved');
    const notice =
      saved === '1'
        ? t('kpi.saved')
        : saved === 'actual'
          ? t('kpi.actual-saved', { fiscalYear: fyLabel(fy) })
          : saved === 'linked'
            ? c.req.query('value')
              ? t('kpi.linked-with-value', {
                  value: kpiNumber(Number(c.req.query('value'))),
                  fiscalYear: fyLabel(fy),
                })
              : t('kpi.linked')
            : saved === 'unlinked'
              ? t('kpi.unlinked')
              : null;
    return renderDetail(c, p, kpiId, fy, { notice });
  });

  // The definition of an existing KPI (its owner stays).
  const editForm = async (
    c: Context<ServerEnv>,
    state: KpiFormState | null,
    errors: FieldErrors = {},
  ) => {
    const p = await planContext(c);
    const kpiId = idParam(c, 'kpiId');
    const fy = selectedYear(c, p.view);
    const detail = await loadKpiDetail(c.get('app'), p.actor, p.view, kpiId, fy);
    if (!detail.line.canManage) throw new SouseiError('forbidden', 'auth.forbidden');
    const stored = kpiFormOf(detail.line.record);
    const shown = state ?? stored;
    return {
      p,
      kpiId,
      fy,
      owner: detail.line.owner,
      years: targetYears(p.view, stored),
      render: () =>
        page(
          c,
          `KPI の編集 | ${p.view.summary.title}`,
          <KpiFormPage
            mode="edit"
            action={`${p.base}/kpis/${kpiId}/edit?fy=${fy}`}
            backUrl={`${p.base}/kpis/${kpiId}?fy=${fy}`}
            csrf={c.get('csrfToken')}
            scope={detail.line.owner.scope}
            path={detail.path}
            years={targetYears(p.view, shown)}
            state={shown}
            errors={errors}
          />,
          {
            municipality: p.municipality,
            nav: nav(p, fy, false),
            status: Object.keys(errors).length > 0 ? 422 : 200,
          },
        ),
    };
  };

  app.get(`${path}/:kpiId/edit`, async (c) => (await editForm(c, null)).render());

  app.post(`${path}/:kpiId/edit`, async (c) => {
    requireActor(c);
    const first = await editForm(c, null);
    const state = readKpiForm(await formBody(c), first.years);
    const checked = validateKpiForm(state, { scope: first.owner.scope, id: first.owner.id });
    if (!checked.ok) return (await editForm(c, state, checked.errors)).render();
    await saveKpi(c.get('app'), first.p.actor, {
      municipalityCode: first.p.code,
      planId: first.p.planId,
      kpiId: first.kpiId,
      input: checked.input,
    });
    return c.redirect(`${first.p.base}/kpis/${first.kpiId}?fy=${first.fy}&saved=1`, 303);
  });

  app.post(`${path}/:kpiId/actuals`, async (c) => {
    requireActor(c);
    const p = await planContext(c);
    const kpiId = idParam(c, 'kpiId');
    const body: FormBody = await formBody(c);
    const fy = Number(field(body, 'fy'));
    if (!Number.isInteger(fy) || !p.view.readableYears.includes(fy)) throw notFound();
    const detail = await loadKpiDetail(c.get('app'), p.actor, p.view, kpiId, fy);
    if (!detail.line.canEnterActual) throw new SouseiError('forbidden', 'auth.forbidden');
    const state = readActualForm(body);
    const checked = validateActualForm(state, fy);
    if (!checked.ok) {
      return renderDetail(c, p, kpiId, fy, {
        actualForm: state,
        actualErrors: checked.errors,
        status: 422,
      });
    }
    await saveKpiActual(c.get('app'), p.actor, {
      municipalityCode: p.code,
      kpiId,
      input: checked.input,
    });
    return c.redirect(`${p.base}/kpis/${kpiId}?fy=${fy}&saved=actual`, 303);
  });

  app.post(`${path}/:kpiId/link`, async (c) => {
    requireActor(c);
    const p = await planContext(c);
    const kpiId = idParam(c, 'kpiId');
    const fy = selectedYear(c, p.view);
    const detail = await loadKpiDetail(c.get('app'), p.actor, p.view, kpiId, fy);
    if (!detail.line.canEnterActual) throw new SouseiError('forbidden', 'auth.forbidden');
    const body = await formBody(c);
    const entry = field(body, 'entry');
    if (!/^\d{1,12}$/.test(entry)) throw new SouseiError('usage', 'form.stale');
    const unlink = field(body, 'action') === 'unlink';
    try {
      const value = await linkEntryToKpi(c.get('app'), p.actor, {
        municipalityCode: p.code,
        entryId: Number(entry),
        kpiId: unlink ? null : kpiId,
        takeValue: !unlink && field(body, 'take') === '1',
      });
      const next = unlink
        ? 'unlinked'
        : `linked${value === null ? '' : `&value=${encodeURIComponent(String(value))}`}`;
      return c.redirect(`${p.base}/kpis/${kpiId}?fy=${fy}&saved=${next}`, 303);
    } catch (error) {
      if (error instanceof SouseiError && error.code === 'invalid-input') {
        return renderDetail(c, p, kpiId, fy, {
          linkError: t(error.messageKey, error.params),
          status: 422,
        });
      }
      throw error;
    }
  });

  return app;
}
