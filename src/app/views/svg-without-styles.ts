/**
 * ECharts' server-side SVG made fit for a page whose CSP allows no inline style: each `style="…"`
 * (text: font-size, font-family…) becomes presentation attributes, and the `<style>` element
 * goes (it holds only :hover rules for ECharts' own interactions, which a static chart does not
 * have). ECharts' own bookkeeping (ecmeta_* attributes, the hover classes) goes too, and its
 * ids (`zr3-c0`, numbered per process) get a prefix naming the chart, so two charts in one page
 * never share an id and the same chart is the same bytes every time.
 */
export function svgWithoutStyles(svg: string, idPrefix: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_, declarations: string) => styleAttributes(declarations))
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/\bzr\d+-/g, `${idPrefix}-`)
    .replace(/<defs >/g, '<defs>')
    .replace(/\n/g, '');
}

/** `font-size:12px;font-family:'Noto Sans JP'` → ` font-size="12px" font-family="'Noto Sans JP'"`. */
function styleAttributes(declarations: string): string {
  let attributes = '';
  // Split at each `;` that does not end an entity (`&quot;` in a quoted font name).
  for (const declaration of declarations.split(/(?<!&[a-z]+|&#\d+);/)) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (!/^[a-z-]+$/.test(name) || value === '') continue;
    // The value comes from a double-quoted attribute: it holds no raw `"`, only `&quot;`.
    attributes += ` ${name}="${value}"`;
  }
  return attributes;
}
