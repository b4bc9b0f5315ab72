import type { ProjectTrend } from '../../app/metrics/plan-metric-trends.ts';
import type { ChartData, ChartId } from '../../app/views/chart-data.ts';
import type { DashboardCharts } from '../../app/views/dashboard-charts.ts';
import type { DashboardSvgs } from '../../app/views/dashboard-svgs.ts';
import type { PlanView } from '../../app/views/plan-view.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { StatusScale } from '../../core/status-scale.ts';
import { t } from '../../i18n/translate.ts';
import { type PlanAddress, urls } from '../urls.ts';
import { ChartFigure } from './dashboard-figure.tsx';
import { fyLabel, yearStatusLabel } from './format.ts';
import { MetricTrendTable } from './metric-trend-table.tsx';
import { YearFilter } from './year-filter.tsx';

export interface DashboardPageProps {
  view: PlanView;
  fiscalYear: FiscalYear;
  address: PlanAddress;
  charts: DashboardCharts;
  /** The charts drawn on the server (render-chart-svg.ts). */
  svgs: DashboardSvgs;
  scale: StatusScale;
  /** KPI names for the trend's select, in the plan's order. */
  kpiOptions: { id: number; label: string }[];
  /** Figures of results recurring across the readable years, per project (issue 12). */
  metricTrends?: ProjectTrend[];
}

/** The CSV address of a chart: the same access rules and rows as the page. */
export function csvHref(address: PlanAddress, id: ChartId, fiscalYear: FiscalYear, kpiId?: number) {
  return urls.planPage(address, `dashboard/${id}.csv`, { fy: fiscalYear, kpi: kpiId });
}

/**
 * The dashboard: budget and settlement by goal and by year, the distribution of execution
 * rates, KPI achievement by goal in the scale's bands and one KPI's trend. Every chart is drawn
 * on the server as inline SVG (complete without JavaScript), with its table and a CSV;
 * /assets/dashboard.js (a few KB, no chart library) only adds PNG and SVG downloads.
 */
/** A table, no chart: the figures' units differ from row to row. */
function MetricTrendSection(props: { trends: readonly ProjectTrend[] }) {
  return (
    <section aria-labelledby="section-metric-trends">
      <h2 id="section-metric-trends">{t('dashboard.metric-trends')}</h2>
      {props.trends.length > 0 ? (
        <MetricTrendTable trends={props.trends} caption={t('metric.trends.caption')} />
      ) : (
        <p class="notice empty-state">{t('metric.trends.none')}</p>
      )}
    </section>
  );
}

export function DashboardPage(props: DashboardPageProps) {
  const { view, fiscalYear: fy, address, charts } = props;
  const status = view.years.find((y) => y.fiscalYear === fy)?.status ?? 'preparing';
  const kpiId = charts.kpi?.id;
  const figure = (chart: ChartData, withKpi = false) => (
    <ChartFigure
      chart={chart}
      svgs={props.svgs[chart.id]}
      csvHref={csvHref(address, chart.id, fy, withKpi ? kpiId : undefined)}
      fileName={`${chart.id}-${fy}${withKpi && kpiId !== undefined ? `-kpi${kpiId}` : ''}`}
    />
  );
  return (
    <>
      <h1>
        {t('dashboard.title')}
        <span class="heading-sub">{view.summary.title}</span>
      </h1>
      <p class="lead">
        {t('dashboard.lead', {
          fiscalYear: fyLabel(fy),
          status: yearStatusLabel(status),
          unit: view.plan.amountUnit,
          first: fyLabel(view.summary.firstFiscalYear),
          last: fyLabel(view.summary.lastFiscalYear),
        })}
      </p>
      <YearFilter
        action={urls.planPage(address, 'dashboard')}
        years={view.readableYears}
        selected={fy}
      >
        {kpiId !== undefined ? <input type="hidden" name="kpi" value={String(kpiId)} /> : null}
      </YearFilter>

      <section aria-labelledby="section-budget">
        <h2 id="section-budget">{t('dashboard.section.budget')}</h2>
        {figure(charts.budgetByGoal)}
        {figure(charts.budgetByYear)}
      </section>

      <section aria-labelledby="section-rates">
        <h2 id="section-rates">{t('dashboard.section.rates')}</h2>
        {figure(charts.executionRates)}
      </section>

      <section aria-labelledby="section-kpi-bands">
        <h2 id="section-kpi-bands">{t('dashboard.section.kpi-bands')}</h2>
        <p>{t('dashboard.scale', { scale: props.scale.name })}</p>
        {charts.kpiBands ? (
          figure(charts.kpiBands)
        ) : (
          <p class="notice empty-state">{t('dashboard.no-kpis')}</p>
        )}
      </section>

      <section aria-labelledby="section-kpi-trend">
        <h2 id="section-kpi-trend">{t('dashboard.section.kpi-trend')}</h2>
        {charts.kpiTrend ? (
          <>
            <form
              method="get"
              action={`${urls.planPage(address, 'dashboard')}#section-kpi-trend`}
              class="filters"
            >
              <input type="hidden" name="fy" value={String(fy)} />
              <div class="field">
                <label for="kpi">{t('dashboard.kpi-select')}</label>
                <select id="kpi" name="kpi" data-autosubmit>
                  {props.kpiOptions.map((k) => (
                    <option value={String(k.id)} selected={k.id === kpiId}>
                      {k.label}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" class="button button--secondary">
                {t('dashboard.show')}
              </button>
            </form>
            {figure(charts.kpiTrend, true)}
          </>
        ) : (
          <p class="notice empty-state">{t('dashboard.no-kpis-trend')}</p>
        )}
      </section>
      <MetricTrendSection trends={props.metricTrends ?? []} />
      <script src="/assets/dashboard.js" defer />
    </>
  );
}
