// The dashboard's downloads: PNG and SVG buttons beside each chart's CSV link. The charts
// themselves are drawn on the server (src/app/views/render-chart-svg.ts) as inline SVG, so they
// show without JavaScript and no chart library comes to the browser; this is /assets/dashboard.js,
// minified by scripts/build-assets.mjs. A download is the chart as shown (the wide or the narrow
// variant, whichever CSS shows) with its title above it: SVG as is, PNG that SVG drawn on a
// canvas at twice its size. Nothing here writes a style attribute (the CSP allows none).
(() => {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  /** Room above the chart for its title. */
  const TITLE_SPACE = 36;

  function readData(id) {
    const block = document.getElementById(`chart-data-${id}`);
    try {
      return block ? JSON.parse(block.textContent ?? '') : null;
    } catch {
      return null;
    }
  }

  /** The variant CSS shows now (display: none hides the other). */
  function shownSvg(element) {
    const all = Array.from(element.querySelectorAll('svg.chart__svg'));
    return all.find((svg) => getComputedStyle(svg).display !== 'none') ?? all[0] ?? null;
  }

  /** The chart with its title as a standalone SVG document. */
  function standalone(element, data) {
    const svg = shownSvg(element);
    if (!svg) return null;
    const width = Number(svg.getAttribute('width'));
    const height = Number(svg.getAttribute('height')) + TITLE_SPACE;
    const copy = document.createElementNS(SVG_NS, 'svg');
    copy.setAttribute('xmlns', SVG_NS);
    copy.setAttribute('width', String(width));
    copy.setAttribute('height', String(height));
    copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const background = document.createElementNS(SVG_NS, 'rect');
    background.setAttribute('width', String(width));
    background.setAttribute('height', String(height));
    background.setAttribute('fill', '#fff');
    const title = document.createElementNS(SVG_NS, 'text');
    title.setAttribute('x', '8');
    title.setAttribute('y', '24');
    title.setAttribute('font-size', '15');
    title.setAttribute('font-weight', 'bold');
    title.setAttribute('fill', '#333');
    title.setAttribute('font-family', svg.getAttribute('font-family') ?? 'sans-serif');
    title.textContent = data.title;
    const chart = svg.cloneNode(true);
    chart.removeAttribute('class');
    chart.removeAttribute('role');
    chart.removeAttribute('aria-label');
    chart.setAttribute('y', String(TITLE_SPACE));
    copy.append(background, title, chart);
    return { svg: new XMLSerializer().serializeToString(copy), width, height };
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

  function downloadSvg(element, data) {
    const image = standalone(element, data);
    if (!image) return;
    save(`${data.fileName}.svg`, new Blob([image.svg], { type: 'image/svg+xml;charset=utf-8' }));
  }

  /** PNG at twice the size: the same SVG drawn on a canvas (a data: URL, which the CSP allows). */
  function downloadPng(element, data) {
    const image = standalone(element, data);
    if (!image) return;
    const picture = new Image();
    picture.addEventListener('load', () => {
      const canvas = document.createElement('canvas');
      canvas.width = image.width * 2;
      canvas.height = image.height * 2;
      const context = canvas.getContext('2d');
      if (!context) return;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(picture, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => {
        if (blob) save(`${data.fileName}.png`, blob);
      }, 'image/png');
    });
    picture.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.svg)}`;
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

  for (const element of document.querySelectorAll('[data-chart]')) {
    const data = readData(element.dataset.chart);
    if (data) addButtons(element, data);
  }
})();
