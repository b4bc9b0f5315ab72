import { hasData } from './chart-cells.ts';
import { CHART_IDS, type ChartId } from './chart-data.ts';
import { CHART_VARIANTS } from './dashboard-chart-options.ts';
import { chartById, type DashboardCharts } from './dashboard-charts.ts';
import { type ChartSvg, renderChartSvg } from './render-chart-svg.ts';

/** Each drawable chart of the page as SVG, in every variant (wide first); none for an empty one. */
export type DashboardSvgs = Partial<Record<ChartId, ChartSvg[]>>;

/** Draws the dashboard's charts on the server (cached per chart data and variant). */
export async function dashboardSvgs(charts: DashboardCharts): Promise<DashboardSvgs> {
  const svgs: DashboardSvgs = {};
  for (const id of CHART_IDS) {
    const chart = chartById(charts, id);
    if (!chart || !hasData(chart)) continue;
    svgs[id] = await Promise.all(CHART_VARIANTS.map((variant) => renderChartSvg(chart, variant)));
  }
  return svgs;
}
