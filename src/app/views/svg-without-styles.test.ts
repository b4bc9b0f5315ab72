import { describe, expect, it } from 'vitest';
import { svgWithoutStyles } from './svg-without-styles.ts';

/** What ECharts' server-side rendering writes (6.1), shortened: styled text, hover classes. */
const ECHARTS_SVG = `<svg width="400" height="200" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200">
<path d="M60 120.5L360 120.5" fill="none" stroke="#dbdee4" class="zr3-cls-0"></path>
<text dominant-baseline="central" text-anchor="end" style="font-size:12px;font-family:'Noto Sans JP', sans-serif;" transform="translate(52 120)" fill="#54555a">令和2年度 &lt;R2&gt;</text>
<g clip-path="url(#zr3-c0)">
<path d="M83.3 120l103.5 0Z" fill="#5070dd" ecmeta_series_index="0" ecmeta_data_index="0" ecmeta_ssr_type="chart" class="zr3-cls-1"></path>
</g>
<defs >
<clipPath id="zr3-c0">
<path d="M59 64l302 0l0 57l-302 0Z" fill="#000" class="zr3-cls-2"></path>
</clipPath>
</defs>
<style ><![CDATA[
.zr3-cls-1:hover {
cursor:pointer;
fill:rgba(88,123,243,1);
}
]]>
</style>
</svg>`;

describe('ECharts SVG without inline style (the CSP allows none)', () => {
  const svg = svgWithoutStyles(ECHARTS_SVG, 'kpi-trend-narrow');

  it('writes each style declaration as a presentation attribute and drops <style>', () => {
    expect(svg).not.toContain('style');
    expect(svg).toContain(
      `<text dominant-baseline="central" text-anchor="end" font-size="12px" font-family="'Noto Sans JP', sans-serif" transform="translate(52 120)" fill="#54555a">令和2年度 &lt;R2&gt;</text>`,
    );
  });

  it("renames ECharts' per-process ids after the chart and drops its bookkeeping", () => {
    expect(svg).toContain('<g clip-path="url(#kpi-trend-narrow-c0)">');
    expect(svg).toContain('<clipPath id="kpi-trend-narrow-c0">');
    expect(svg).not.toMatch(/zr\d|ecmeta|class=/);
    expect(svg).toContain('<path d="M83.3 120l103.5 0Z" fill="#5070dd"></path>');
  });

  it('keeps an escaped quote inside a declaration as it is', () => {
    expect(
      svgWithoutStyles('<text style="font-family:&quot;A&quot;, sans-serif">x</text>', 'p'),
    ).toBe('<text font-family="&quot;A&quot;, sans-serif">x</text>');
  });
});
