import { createHash } from 'node:crypto';
import type { ChartData } from './chart-data.ts';
import { withValueTitles } from './chart-value-titles.ts';
import {
  CHART_FONT,
  type ChartVariant,
  chartHeight,
  chartOption,
} from './dashboard-chart-options.ts';
import { svgWithoutStyles } from './svg-without-styles.ts';

/**
 * A dashboard chart drawn on the server as SVG (ECharts' server-side rendering, no DOM), ready
 * to be put in the page: no inline style (svgWithoutStyles), `role="img"` and the chart's title
 * as its accessible name, each bar and point titled with its value (withValueTitles). ECharts is imported on first use, so only a process that draws a
 * dashboard loads it. Drawing takes milliseconds, so the result is kept per (chart data,
 * variant) in a small LRU: a busy dashboard draws each chart once.
 */

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

type EChartsCore = typeof import('echarts/core');
let echarts: Promise<EChartsCore> | null = null;

/** ECharts' core with only what the dashboard draws, loaded once and on demand. */
function loadECharts(): Promise<EChartsCore> {
  if (echarts) return echarts;
  const loading = (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    core.use([
      charts.BarChart,
      charts.LineChart,
      components.GridComponent,
      components.LegendComponent,
      renderers.SVGRenderer,
    ]);
    return core;
  })();
  // A failed import is tried again by the next dashboard, not remembered.
  loading.catch(() => {
    if (echarts === loading) echarts = null;
  });
  echarts = loading;
  return loading;
}

const CACHE_SIZE = 500;
const cache = new Map<string, ChartSvg>();

function remember(key: string, value: ChartSvg): ChartSvg {
  cache.set(key, value);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return value;
}

const escapeAttribute = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');

/** The chart as inline SVG in this variant; the same data and variant give the same bytes. */
export async function renderChartSvg(data: ChartData, variant: ChartVariant): Promise<ChartSvg> {
  const key = createHash('sha256')
    .update(JSON.stringify([data, variant]))
    .digest('base64url');
  const cached = cache.get(key);
  if (cached) {
    // Most recently used last: the first key is the one to drop.
    cache.delete(key);
    return remember(key, cached);
  }
  const { init } = await loadECharts();
  const width = variant.width;
  const height = chartHeight(data, variant);
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(data, variant));
    const raw = chart.renderToSVGString();
    // Every text has the page's fonts: written once on the root, which its texts inherit.
    const svg = svgWithoutStyles(withValueTitles(raw, data), `${data.id}-${variant.name}`)
      .replaceAll(` font-family="${CHART_FONT}"`, '')
      .replace(
        /^<svg /,
        `<svg role="img" aria-label="${escapeAttribute(data.title)}" class="chart__svg chart__svg--${variant.name}" font-family="${CHART_FONT}" `,
      );
    return remember(key, { svg, width, height });
  } finally {
    // A chart left undisposed keeps a timer alive.
    chart.dispose();
  }
}

/** Forgets every drawn chart (benchmarks measure drawing, not the cache). */
export function forgetRenderedCharts(): void {
  cache.clear();
}
