import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NATIONAL_SCALE } from '../../core/status-scale.ts';
import { decodeText } from '../../formats/decode-text.ts';
import { readProgressTable } from '../../formats/tsv/progress-table-reader.ts';
import { parseTsv } from '../../formats/tsv/tsv-grid.ts';
import type { CHART_IDS } from './chart-data.ts';
import { CHART_VARIANTS, shortYear } from './dashboard-chart-options.ts';
import { chartById, dashboardCharts } from './dashboard-charts.ts';
import { dashboardSvgs } from './dashboard-svgs.ts';
import { renderChartSvg } from './render-chart-svg.ts';

const SAMPLE = new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url);

function sampleCharts() {
  const decoded = decodeText(readFileSync(SAMPLE), 'muroran-r2-progress.tsv');
  if (!decoded.ok) throw new Error('the sample does not decode');
  const { plan } = readProgressTable(parseTsv(decoded.text), {
    file: 'muroran-r2-progress.tsv',
    municipality: { code: '012050', name: '室蘭市' },
    title: '第2期室蘭市まち・ひと・しごと創生総合戦略',
  });
  if (!plan) throw new Error('the sample gives no plan');
  return dashboardCharts({
    plan,
    fiscalYear: 2020,
    readableYears: [2020, 2021],
    kpis: [],
    scale: NATIONAL_SCALE,
    kpiId: null,
  });
}

describe('dashboard charts drawn on the server', () => {
  const charts = sampleCharts();

  it('draws each chart with data in both variants: an image named by its title, no style', async () => {
    const svgs = await dashboardSvgs(charts);
    expect(Object.keys(svgs)).toEqual(['budget-by-goal', 'budget-by-year', 'execution-rates']);
    for (const [id, variants] of Object.entries(svgs)) {
      const chart = chartById(charts, id as (typeof CHART_IDS)[number]);
      expect(variants?.map((v) => v.width)).toEqual(CHART_VARIANTS.map((v) => v.width));
      for (const [i, { svg, width, height }] of (variants ?? []).entries()) {
        const variant = CHART_VARIANTS[i]?.name;
        expect(svg).toMatch(
          new RegExp(
            `^<svg role="img" aria-label="${chart?.title.replace(/[()]/g, '\\$&')}" class="chart__svg chart__svg--${variant}" font-family="'Noto Sans JP'[^"]*" width="${width}" height="${height}"`,
          ),
        );
        expect(svg).not.toMatch(/style|ecmeta|zr\d/);
        expect(svg.match(/font-family=/g)).toHaveLength(1);
        expect(svg.endsWith('</svg>')).toBe(true);
      }
    }
  });

  it('titles each bar with its category, series and value as the table writes them', async () => {
    const [wide] = await Promise.all(
      CHART_VARIANTS.map((variant) => renderChartSvg(charts.budgetByGoal, variant)),
    );
    const titles = [...(wide?.svg ?? '').matchAll(/<path [^>]*><title>([^<]*)<\/title><\/path>/g)];
    expect(titles.map((m) => m[1])).toEqual([
      '1. まちの特性を活かした産業振興と魅力ある雇用の場の創出 予算（千円）: 33,758',
      '2. 子育て世代が希望を持って住み続けられるまちづくり 予算（千円）: 14,922',
      '3. まちの資源を活かし、新たな「ひと」の流れをつくる 予算（千円）: 21,410',
      '1. まちの特性を活かした産業振興と魅力ある雇用の場の創出 決算（千円）: 33,773',
      '2. 子育て世代が希望を持って住み続けられるまちづくり 決算（千円）: 9,161',
      '3. まちの資源を活かし、新たな「ひと」の流れをつくる 決算（千円）: 9,205',
    ]);
  });

  it('writes years in full where there is room and short on a phone', async () => {
    const byYear = charts.budgetByYear;
    const [wide, narrow] = await Promise.all(
      CHART_VARIANTS.map((variant) => renderChartSvg(byYear, variant)),
    );
    expect(wide?.svg).toContain('>令和2年度 (R2)</text>');
    expect(narrow?.svg).not.toContain('>令和2年度 (R2)</text>');
    expect(narrow?.svg).toContain('>R2</text>');
    expect(shortYear('令和12年度 (R12)')).toBe('R12');
  });

  it('gives the same bytes for the same data (cached), escaping the title', async () => {
    const variant = CHART_VARIANTS[0] ?? { name: 'wide', width: 760 };
    const chart = { ...charts.executionRates, title: '執行率 "<script>' };
    const first = await renderChartSvg(chart, variant);
    expect(first.svg).toContain('aria-label="執行率 &quot;&lt;script&gt;"');
    expect(await renderChartSvg(structuredClone(chart), variant)).toBe(first);
    const other = await renderChartSvg({ ...chart, title: '別' }, variant);
    expect(other).not.toBe(first);
    expect(other.svg.slice(other.svg.indexOf('>'))).toBe(first.svg.slice(first.svg.indexOf('>')));
  });
});
