// The dashboard's charts. Comfort only: every chart is also a table and a CSV on the page.
// The entry of /assets/dashboard.js, bundled by scripts/build-assets.mjs (`npm ci` runs it) with
// ECharts' modular core: only the chart types and components used here and the SVG renderer
// (half the full library's bytes, 160 KB as sent with brotli). Each chart is drawn from its
// <script type="application/json"> data block: the same rows the table shows and the CSV writes.
// Nothing here may write a style attribute (the CSP allows no inline style): the SVG renderer
// styles through the CSSOM, and tooltips are drawn inside the chart (richText), not as HTML.
// Downloads carry the chart's title: SVG from a chart in server-side-rendering mode
// (renderToSVGString, never put in the page), PNG from that SVG drawn on a canvas at twice the size.
// Deep imports of each part's installer: the grid without the axis pointer's own install (the
// tooltip installs it), the plain legend without the scrolling one. The KPI baseline is a line
// series with a single point (no Scatter). See docs/performance.md for each part's bytes.
import { init, use } from 'echarts/core';
import { install as BarChart } from 'echarts/lib/chart/bar/install.js';
import { install as LineChart } from 'echarts/lib/chart/line/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/installSimple.js';
import { install as LegendComponent } from 'echarts/lib/component/legend/installLegendPlain.js';
import { install as TitleComponent } from 'echarts/lib/component/title/install.js';
import { install as TooltipComponent } from 'echarts/lib/component/tooltip/install.js';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

(() => {
  const containers = Array.from(document.querySelectorAll('[data-chart]'));
  if (containers.length === 0) return;

  const FACTOR = { 円: 1, 千円: 1000, 百万円: 1000000 };
  const numbers = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });
  // The page's Japanese fonts; single quotes, since an SVG export writes the list into a
  // double-quoted style attribute.
  const font = getComputedStyle(document.body).fontFamily.replaceAll('"', "'");

  /** '令和2年度 (R2)' → 'R2' where space is short. */
  const shortYear = (label) => /\(([^)]+)\)$/.exec(label)?.[1] ?? label;

  function readData(id) {
    const block = document.getElementById(`chart-data-${id}`);
    try {
      return block ? JSON.parse(block.textContent ?? '') : null;
    } catch {
      return null;
    }
  }

  const categories = (data) => data.rows.map((row) => String(row[data.columns[0].key] ?? ''));
  const column = (data, key, scale = 1) =>
    data.rows.map((row) => (row[key] === null || row[key] === undefined ? null : row[key] / scale));
  const format = (unit) => (value) =>
    value === null || value === undefined || Number.isNaN(value)
      ? '—'
      : `${numbers.format(value)}${unit ? ` ${unit}` : ''}`;

  function common(data) {
    return {
      animation: false,
      backgroundColor: '#fff',
      textStyle: { fontFamily: font, color: '#333' },
      legend: { top: 0, textStyle: { fontSize: 14 } },
      grid: {
        left: 8,
        right: 32,
        top: 48,
        bottom: 8,
        outerBoundsMode: 'same',
        outerBoundsContain: 'all',
      },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        renderMode: 'richText',
      },
      color: data.series.map((s) => s.colour),
    };
  }

  /** Budget and settlement: horizontal bars by goal (long names), vertical bars by year. */
  function bars(data, width) {
    const unit = data.amountUnit;
    const scale = FACTOR[unit] ?? 1;
    const horizontal = data.id === 'budget-by-goal';
    const category = {
      type: 'category',
      data: categories(data),
      inverse: horizontal,
      axisLabel: horizontal
        ? { width: Math.min(260, width * 0.35), overflow: 'break', lineHeight: 16 }
        : { interval: 0, formatter: data.rows.length > 4 && width < 700 ? shortYear : undefined },
    };
    const value = {
      type: 'value',
      name: unit,
      // Horizontal: the unit under the axis, where a name at its end would run off the chart.
      ...(horizontal ? { nameLocation: 'middle', nameGap: 28 } : {}),
      // Narrow screens (issue 13): numbers that would touch are left out, not overprinted.
      axisLabel: { formatter: (v) => numbers.format(v), hideOverlap: true },
    };
    return {
      ...common(data),
      tooltip: { ...common(data).tooltip, valueFormatter: format(unit) },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: data.series.map((s) => ({
        type: 'bar',
        name: s.label,
        data: column(data, s.key, scale),
        itemStyle: { color: s.colour },
        barMaxWidth: 28,
      })),
    };
  }

  /** Execution rates: one bar per band, labelled with its count. */
  function histogram(data, width) {
    const s = data.series[0];
    return {
      ...common(data),
      legend: { show: false },
      // On a phone the band names stand upright, side by side, rather than overlap at 30°.
      xAxis: {
        type: 'category',
        data: categories(data),
        axisLabel: { interval: 0, rotate: width < 500 ? 90 : 30 },
      },
      yAxis: { type: 'value', minInterval: 1, name: s.label },
      series: [
        {
          type: 'bar',
          name: s.label,
          data: column(data, s.key),
          itemStyle: { color: s.colour },
          label: { show: true, position: 'top' },
          barMaxWidth: 48,
        },
      ],
    };
  }

  /** KPI achievement: per goal, the number of KPIs in each band, stacked in the scale's colours. */
  function stacked(data, width) {
    return {
      ...common(data),
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: categories(data),
        inverse: true,
        axisLabel: { width: Math.min(260, width * 0.35), overflow: 'break', lineHeight: 16 },
      },
      series: data.series.map((s) => ({
        type: 'bar',
        stack: 'kpis',
        name: s.label,
        data: column(data, s.key).map((v) => (v === 0 ? null : v)),
        itemStyle: { color: s.colour },
        label: { show: true, color: '#fff', fontWeight: 'bold' },
        barMaxWidth: 36,
      })),
    };
  }

  /** A KPI's trend: its baseline point, the target line (dashed) and the actuals. */
  function trend(data, width) {
    const unit = data.valueUnit ?? '';
    const style = {
      // One point, drawn as a line series without its line (ECharts' scatter chart adds 6 KB).
      baseline: { type: 'line', symbol: 'diamond', symbolSize: 14, lineStyle: { opacity: 0 } },
      target: { type: 'line', symbol: 'rect', symbolSize: 9, lineStyle: { type: 'dashed' } },
      actual: { type: 'line', symbol: 'circle', symbolSize: 10, lineStyle: { width: 3 } },
    };
    return {
      ...common(data),
      tooltip: {
        trigger: 'axis',
        confine: true,
        renderMode: 'richText',
        valueFormatter: format(unit),
      },
      xAxis: {
        type: 'category',
        data: categories(data),
        axisLabel: {
          interval: 0,
          formatter: data.rows.length > 4 || width < 700 ? shortYear : undefined,
        },
      },
      yAxis: { type: 'value', name: unit, scale: true },
      series: data.series.map((s) => ({
        ...style[s.key],
        name: s.label,
        data: column(data, s.key),
        connectNulls: true,
        itemStyle: { color: s.colour },
        lineStyle: { ...(style[s.key]?.lineStyle ?? {}), color: s.colour },
      })),
    };
  }

  const BUILDERS = { bars, histogram, stacked, trend };

  function optionFor(data, width) {
    const build = BUILDERS[data.kind];
    return build ? build(data, width) : null;
  }

  function save(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /** A downloaded image stands alone: the chart with its title above it. */
  const TITLE_SPACE = 36;
  function exportOption(data, width) {
    const option = optionFor(data, width);
    const legend = option.legend ?? {};
    return {
      ...option,
      title: {
        text: data.title,
        left: 8,
        top: 6,
        textStyle: { fontFamily: font, fontSize: 15, color: '#333' },
      },
      legend: { ...legend, top: (legend.top ?? 0) + TITLE_SPACE },
      grid: { ...option.grid, top: option.grid.top + TITLE_SPACE },
    };
  }

  /** The chart with its title as SVG text, drawn in server-side-rendering mode (no DOM). */
  function svgOf(element, data) {
    const width = element.clientWidth || 800;
    const height = (element.clientHeight || 400) + TITLE_SPACE;
    const ssr = init(null, null, { renderer: 'svg', ssr: true, width, height });
    try {
      ssr.setOption(exportOption(data, width));
      return { svg: ssr.renderToSVGString(), width, height };
    } finally {
      ssr.dispose();
    }
  }

  function downloadSvg(element, data) {
    const { svg } = svgOf(element, data);
    save(`${data.fileName}.svg`, new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  }

  /** PNG at twice the size: the same SVG drawn on a canvas (a data: URL, which the CSP allows). */
  function downloadPng(element, data) {
    const { svg, width, height } = svgOf(element, data);
    const image = new Image();
    image.addEventListener('load', () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const context = canvas.getContext('2d');
      if (!context) return;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => {
        if (blob) save(`${data.fileName}.png`, blob);
      }, 'image/png');
    });
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }

  function addButtons(element, data) {
    const holder = document.querySelector(`[data-downloads="${data.id}"]`);
    if (!(holder instanceof HTMLElement)) return;
    for (const kind of ['png', 'svg']) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button--secondary';
      button.dataset.download = kind;
      button.textContent = holder.dataset[kind === 'png' ? 'labelPng' : 'labelSvg'] ?? kind;
      const context = document.createElement('span');
      context.className = 'visually-hidden';
      context.textContent = holder.dataset.labelOf ?? '';
      button.append(context);
      button.addEventListener('click', () =>
        kind === 'png' ? downloadPng(element, data) : downloadSvg(element, data),
      );
      holder.append(button);
    }
  }

  /** Chart height from its rows: horizontal bar charts grow with their categories. */
  function heightFor(data) {
    if (data.kind === 'stacked' || data.id === 'budget-by-goal') {
      return Math.max(260, 96 + data.rows.length * 72);
    }
    return 380;
  }

  function render() {
    const charts = [];
    for (const element of containers) {
      const data = readData(element.dataset.chart);
      if (!data) continue;
      element.hidden = false;
      element.style.height = `${heightFor(data)}px`;
      const chart = init(element, null, { renderer: 'svg' });
      chart.setOption(optionFor(data, element.clientWidth));
      charts.push(chart);
      addButtons(element, data);
      element.dataset.rendered = 'true';
      // The table stays in the page (screen readers, copying), folded under the chart.
      const details = element.parentElement?.querySelector('details.chart-table');
      if (details instanceof HTMLDetailsElement) details.open = false;
    }
    const note = document.getElementById('chart-nojs');
    if (note) note.hidden = true;
    window.addEventListener('resize', () => {
      for (const chart of charts) chart.resize();
    });
    performance.mark('sousei:charts-drawn');
  }

  render();
})();
