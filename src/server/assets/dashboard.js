// The dashboard's charts. Comfort only: every chart is also a table and a CSV on the page.
// ECharts (/assets/echarts.min.js, about 1 MB) is loaded only when the page has a chart
// container. Each chart is drawn from its <script type="application/json"> data block: the same
// rows the table shows and the CSV writes. Downloads carry the chart's title: PNG from a canvas
// chart drawn off-screen (getDataURL, pixelRatio 2, white background), SVG from a chart in
// server-side-rendering mode (renderer 'svg', ssr: renderToSVGString), never put in the page.
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
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
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
      axisLabel: { formatter: (v) => numbers.format(v) },
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
  function histogram(data) {
    const s = data.series[0];
    return {
      ...common(data),
      legend: { show: false },
      xAxis: { type: 'category', data: categories(data), axisLabel: { interval: 0, rotate: 30 } },
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
      baseline: { type: 'scatter', symbol: 'diamond', symbolSize: 14 },
      target: { type: 'line', symbol: 'rect', symbolSize: 9, lineStyle: { type: 'dashed' } },
      actual: { type: 'line', symbol: 'circle', symbolSize: 10, lineStyle: { width: 3 } },
    };
    return {
      ...common(data),
      tooltip: { trigger: 'axis', confine: true, valueFormatter: format(unit) },
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

  function dataUrlToBlob(url) {
    const comma = url.indexOf(',');
    const type = /^data:([^;,]+)/.exec(url)?.[1] ?? 'application/octet-stream';
    const binary = atob(url.slice(comma + 1));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type });
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

  /** PNG at twice the size from a canvas chart drawn off-screen with the title. */
  function downloadPng(element, data) {
    const width = element.clientWidth || 800;
    const height = (element.clientHeight || 400) + TITLE_SPACE;
    const holder = document.createElement('div');
    holder.style.position = 'fixed';
    holder.style.left = '-10000px';
    holder.style.top = '0';
    holder.style.width = `${width}px`;
    holder.style.height = `${height}px`;
    document.body.append(holder);
    const chart = window.echarts.init(holder, null, { renderer: 'canvas', width, height });
    try {
      chart.setOption(exportOption(data, width));
      const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      save(`${data.fileName}.png`, dataUrlToBlob(url));
    } finally {
      chart.dispose();
      holder.remove();
    }
  }

  /** SVG from a chart in server-side-rendering mode: never drawn in the page. */
  function downloadSvg(element, data) {
    const width = element.clientWidth || 800;
    const height = (element.clientHeight || 400) + TITLE_SPACE;
    const ssr = window.echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    try {
      ssr.setOption(exportOption(data, width));
      const svg = ssr.renderToSVGString();
      save(`${data.fileName}.svg`, new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
    } finally {
      ssr.dispose();
    }
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
      const chart = window.echarts.init(element, null, { renderer: 'canvas' });
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
  }

  const script = document.createElement('script');
  script.src = '/assets/echarts.min.js';
  script.addEventListener('load', render);
  document.head.append(script);
})();
