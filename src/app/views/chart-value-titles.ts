import { cellText } from './chart-cells.ts';
import type { ChartData } from './chart-data.ts';

/**
 * Each bar and point of a chart drawn on the server gets a `<title>` naming its category, series
 * and value as the table writes them ("2. 子育て… 予算（千円）: 14,922"): a static chart's
 * tooltip, shown by the browser on hover without any script. ECharts' server-side SVG marks
 * each data element with its series and data index (ecmeta_* attributes), read here before
 * svgWithoutStyles drops them.
 */
export function withValueTitles(svg: string, data: ChartData): string {
  return svg.replace(
    /<path ([^>]*?ecmeta_series_index="(\d+)" ecmeta_data_index="(\d+)" ecmeta_ssr_type="chart"[^>]*)><\/path>/g,
    (whole, attributes: string, series: string, index: string) => {
      const title = valueTitle(data, Number(series), Number(index));
      return title === null
        ? whole
        : `<path ${attributes}><title>${escapeText(title)}</title></path>`;
    },
  );
}

function valueTitle(data: ChartData, seriesIndex: number, dataIndex: number): string | null {
  const series = data.series[seriesIndex];
  const row = data.rows[dataIndex];
  const first = data.columns[0];
  const column = data.columns.find((c) => c.key === series?.key);
  if (!series || !row || !first || !column) return null;
  const value = row[series.key] ?? null;
  if (value === null) return null;
  return `${row[first.key] ?? ''} ${column.label}: ${cellText(column, value, data.amountUnit)}`;
}

const escapeText = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
