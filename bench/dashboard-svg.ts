/**
 * `node --import tsx bench/dashboard-svg.ts`: the dashboard's charts drawn on the server
 * (src/app/views/render-chart-svg.ts), per chart and variant: the first draw (loading ECharts),
 * a draw with the cache emptied and a cached one, each as a ratio to parsing the same chart data
 * as JSON (the baseline, measured in the same run). Figures go to docs/performance.md.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { CHART_IDS } from '../src/app/views/chart-data.ts';
import { CHART_VARIANTS } from '../src/app/views/dashboard-chart-options.ts';
import { chartById, dashboardCharts } from '../src/app/views/dashboard-charts.ts';
import { forgetRenderedCharts, renderChartSvg } from '../src/app/views/render-chart-svg.ts';
import { NATIONAL_SCALE } from '../src/core/status-scale.ts';
import { decodeText } from '../src/formats/decode-text.ts';
import { readProgressTable } from '../src/formats/tsv/progress-table-reader.ts';
import { parseTsv } from '../src/formats/tsv/tsv-grid.ts';

const decoded = decodeText(
  readFileSync(new URL('../samples/muroran-r2-progress.tsv', import.meta.url)),
);
if (!decoded.ok) throw new Error('the sample does not decode');
const { plan } = readProgressTable(parseTsv(decoded.text), {
  municipality: { code: '012050', name: '室蘭市' },
  title: 'bench',
});
if (!plan) throw new Error('the sample gives no plan');
const charts = dashboardCharts({
  plan,
  fiscalYear: 2020,
  readableYears: [2020, 2021],
  kpis: [],
  scale: NATIONAL_SCALE,
  kpiId: null,
});
const drawn = CHART_IDS.flatMap((id) => chartById(charts, id) ?? []);

async function perRun(runs: number, fn: () => unknown) {
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - start) / runs;
}

const first = performance.now();
await renderChartSvg(
  drawn[0] ?? charts.budgetByGoal,
  CHART_VARIANTS[0] ?? { name: 'wide', width: 760 },
);
const firstMs = performance.now() - first;
console.log(`first chart drawn (loading ECharts' core on demand): ${firstMs.toFixed(0)} ms`);

const json = JSON.stringify(drawn);
const baseline = (await perRun(2000, () => JSON.parse(json))) / drawn.length;
console.log(`baseline: JSON.parse of one chart's data: ${(baseline * 1000).toFixed(1)} µs`);
console.log('| chart | variant | drawn (ms) | ratio | cached (ms) | ratio | SVG bytes |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const chart of drawn) {
  for (const variant of CHART_VARIANTS) {
    await perRun(5, () => {
      forgetRenderedCharts();
      return renderChartSvg(chart, variant);
    });
    const cold = await perRun(30, () => {
      forgetRenderedCharts();
      return renderChartSvg(chart, variant);
    });
    const warm = await perRun(2000, () => renderChartSvg(chart, variant));
    const bytes = Buffer.byteLength((await renderChartSvg(chart, variant)).svg);
    console.log(
      `| ${chart.id} | ${variant.name} | ${cold.toFixed(2)} | ${(cold / baseline).toFixed(0)}× | ${warm.toFixed(3)} | ${(warm / baseline).toFixed(1)}× | ${bytes} |`,
    );
  }
}

// What the charts add to the page: every SVG of these charts, both variants.
const all: string[] = [];
for (const chart of drawn) {
  for (const variant of CHART_VARIANTS) all.push((await renderChartSvg(chart, variant)).svg);
}
const page = Buffer.from(all.join(''));
console.log(
  `SVG in the page (${drawn.length} charts × ${CHART_VARIANTS.length} variants): ${page.length} bytes, gzip ${gzipSync(page).length}, brotli ${brotliCompressSync(page).length}`,
);
