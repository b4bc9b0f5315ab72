import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { AnalysisPageView } from '../analysis/analysis-page.ts';
import type { PlanView } from '../views/plan-view.ts';
import { progressReport } from '../views/progress-report.ts';
import { fyLabel } from './format.ts';
import { type PdfOptions, printPdf } from './print-pdf.ts';
import { ReportPage } from './report-page.tsx';

/**
 * The progress report as a PDF: the same view as the report page, printed by headless Chromium
 * (Debian's chromium, fonts-noto-cjk embedded) on A3 landscape with the header rows repeated,
 * page numbers, and the municipality and fiscal year in the page header. The text stays text
 * (pdftotext finds the project names). Printing is print-pdf.ts's: one browser, pages reused.
 */
export { closePdfBrowser } from './print-pdf.ts';

const require = createRequire(import.meta.url);
let styles: string | undefined;

function css(): string {
  styles ??=
    readFileSync(require.resolve('@digital-go-jp/design-tokens/dist/tokens.css'), 'utf8') +
    readFileSync(fileURLToPath(new URL('../../server/assets/app.css', import.meta.url)), 'utf8');
  return styles;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The report's self-contained HTML (styles inlined, no script) and Chromium's print options. */
export function reportPdfDocument(
  view: PlanView,
  years: readonly number[],
  analysis: AnalysisPageView | null = null,
): { html: string; options: PdfOptions } {
  const report = progressReport(view, [...years]);
  // A printout has no links: the page's forms and buttons are the web's.
  const body = (
    <ReportPage view={view} report={report} all={years.length > 1} analysis={analysis} />
  );
  const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(view.summary.title)}</title><style>${css()}</style></head><body><main class="main">${body}</main></body></html>`;
  const first = years[0];
  const last = years.at(-1);
  const label =
    first === undefined || last === undefined
      ? ''
      : first === last
        ? fyLabel(first)
        : `${fyLabel(first)}～${fyLabel(last)}`;
  const header = escapeHtml(
    `${view.summary.municipalityName}（${view.summary.municipalityCode}） ${view.summary.title} 進捗状況表 ${label}`,
  );
  const options: PdfOptions = {
    format: 'A3',
    landscape: true,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: `<div style="font-size:8pt;width:100%;padding:0 10mm;font-family:'Noto Sans CJK JP',sans-serif">${header}</div>`,
    footerTemplate:
      '<div style="font-size:8pt;width:100%;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    margin: { top: '16mm', bottom: '14mm', left: '10mm', right: '10mm' },
  };
  return { html, options };
}

export async function renderReportPdf(
  view: PlanView,
  years: readonly number[],
  analysis: AnalysisPageView | null = null,
): Promise<Uint8Array> {
  const { html, options } = reportPdfDocument(view, years, analysis);
  return printPdf(html, options);
}
