import type { Context } from 'hono';
import { Hono } from 'hono';
import { loadPlanMetricTrends } from '../../app/metrics/plan-metric-trends.ts';
import { toCsv } from '../../app/views/chart-cells.ts';
import { isChartId } from '../../app/views/chart-data.ts';
import { loadCheckView } from '../../app/views/check-view.ts';
import { chartById, dashboardCharts } from '../../app/views/dashboard-charts.ts';
import { dashboardSvgs } from '../../app/views/dashboard-svgs.ts';
import { loadDashboardSource } from '../../app/views/dashboard-view.ts';
import { defaultYearOf } from '../../app/views/default-year.ts';
import { changeYearStatus } from '../../app/workflow/year-status.ts';
import { SouseiError } from '../../core/errors.ts';
import { parseFiscalYear } from '../../core/fiscal-year.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { field, formBody } from '../form-body.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';
import { page } from '../render.tsx';
import { urls } from '../urls.ts';
import { CheckPage } from '../views/check-page.tsx';
import { DashboardPage } from '../views/dashboard-page.tsx';
import { fyLabel } from '../views/format.ts';
import { planNav } from '../views/plan-nav.ts';

const notFound = () => new SouseiError('not-found', 'plan.not-found', { detail: '' });

/**
 * The dashboard's data for a request: the plan as the actor may see it and the year asked (or
 * the latest readable year with figures). The public reads published years only, exactly as on
 * the plan page; the page and its CSV downloads share this, so their access rules cannot differ.
 */
async function dashboardFor(c: Context<ServerEnv>) {
  const code = codeParam(c);
  const planId = idParam(c, 'planId');
  const source = await loadDashboardSource(c.get('app'), c.get('actor'), code, planId);
  const { view } = source;
  const fiscalYear = fiscalYearQuery(c) ?? defaultYearOf(view, 'work');
  if (fiscalYear === undefined || !view.readableYears.includes(fiscalYear)) throw notFound();
  const kpiQuery = c.req.query('kpi') ?? '';
  const charts = dashboardCharts({
    plan: view.plan,
    fiscalYear,
    readableYears: view.readableYears,
    kpis: source.kpis,
    scale: source.scale,
    kpiId: /^\d{1,12}$/.test(kpiQuery) ? Number(kpiQuery) : null,
  });
  return { code, plan: { code, planId }, source, fiscalYear, charts };
}

/** The validation page, also after a refused publish (with the message and what was typed). */
async function renderCheck(
  c: Context<ServerEnv>,
  fiscalYear: number | null,
  extra: { error?: string; override?: string; done?: boolean; status?: number } = {},
) {
  const code = codeParam(c);
  const planId = idParam(c, 'planId');
  const actor = c.get('actor');
  const data = await loadCheckView(c.get('app'), actor, code, planId, fiscalYear);
  const plan = { code, planId };
  return page(
    c,
    `${t('check.title')} ${fyLabel(data.fiscalYear)}`,
    <CheckPage
      data={data}
      address={plan}
      csrf={c.get('csrfToken')}
      error={extra.error ?? null}
      override={extra.override}
      done={extra.done}
    />,
    {
      municipality: { code, name: data.view.summary.municipalityName },
      nav: planNav(actor, plan, 'check', data.fiscalYear),
      status: extra.status,
    },
  );
}

/** The dashboard (charts with table fallbacks and downloads) and the validation page before publishing. */
export function dashboardRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/m/:code/plans/:planId/dashboard', async (c) => {
    const { code, plan, source, fiscalYear, charts } = await dashboardFor(c);
    const { view } = source;
    const svgs = await dashboardSvgs(charts);
    return page(
      c,
      `${t('dashboard.title')} ${fyLabel(fiscalYear)}`,
      <DashboardPage
        view={view}
        fiscalYear={fiscalYear}
        address={plan}
        charts={charts}
        svgs={svgs}
        scale={source.scale}
        kpiOptions={source.kpis.map((k) => ({
          id: k.id,
          label: `${k.definition.name}（${k.definition.unit}）`,
        }))}
        metricTrends={await loadPlanMetricTrends(c.get('app'), view)}
      />,
      {
        municipality: { code, name: view.summary.municipalityName },
        nav: planNav(c.get('actor'), plan, 'dashboard', fiscalYear),
      },
    );
  });

  // One chart's rows as CSV: /dashboard/budget-by-goal.csv?fy=2020 (kpi-trend also takes &kpi=).
  app.get('/m/:code/plans/:planId/dashboard/:file', async (c) => {
    const id = /^([a-z-]+)\.csv$/.exec(c.req.param('file'))?.[1] ?? '';
    if (!isChartId(id)) throw notFound();
    const { charts, fiscalYear } = await dashboardFor(c);
    const chart = chartById(charts, id);
    if (!chart) throw notFound();
    const name = `${id}-${fiscalYear}${id === 'kpi-trend' ? `-kpi${charts.kpi?.id}` : ''}.csv`;
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${name}"`);
    c.header('cache-control', 'private, no-store');
    return c.body(toCsv(chart));
  });

  app.get('/m/:code/plans/:planId/check', async (c) =>
    renderCheck(c, fiscalYearQuery(c), { done: c.req.query('published') === '1' }),
  );

  // Publishing from the validation page: the same use case as the years page (a reason is
  // required while errors remain, and recorded); a refusal shows the page again with its reason.
  app.post('/m/:code/plans/:planId/check/publish', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const body = await formBody(c);
    const fiscalYear = parseFiscalYear(field(body, 'fy'));
    if (fiscalYear === null) throw notFound();
    const override = field(body, 'override');
    try {
      await changeYearStatus(c.get('app'), c.get('actor'), {
        municipalityCode: code,
        planId,
        fiscalYear,
        action: 'publish',
        override,
      });
    } catch (error) {
      if (error instanceof SouseiError && error.code === 'conflict') {
        return renderCheck(c, fiscalYear, {
          error: t(error.messageKey, error.params),
          override,
          status: 409,
        });
      }
      throw error;
    }
    return c.redirect(
      urls.planPage({ code, planId }, 'check', { fy: fiscalYear, published: 1 }),
      303,
    );
  });
  return app;
}
