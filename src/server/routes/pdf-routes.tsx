import { Hono } from 'hono';
import { loadAnalysisPage } from '../../app/analysis/analysis-page.ts';
import { renderReportPdf } from '../../app/reports/report-pdf.tsx';
import { defaultYearOf } from '../../app/views/default-year.ts';
import { loadPlanView } from '../../app/views/plan-view.ts';
import { SouseiError } from '../../core/errors.ts';
import type { ServerEnv } from '../env.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';

/** The progress report as a PDF download: the same access rules as the report page. */
export function pdfRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/m/:code/plans/:planId/report.pdf', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const view = await loadPlanView(c.get('app'), c.get('actor'), code, planId);
    const all = c.req.query('fy') === 'all';
    const fiscalYear = all ? undefined : (fiscalYearQuery(c) ?? defaultYearOf(view, 'work'));
    const years = fiscalYear === undefined ? view.readableYears : [fiscalYear];
    if (years.length === 0 || years.some((y) => !view.readableYears.includes(y))) {
      throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
    }
    const analysis =
      c.req.query('analysis') === '1' && fiscalYear !== undefined
        ? await loadAnalysisPage(c.get('app'), c.get('actor'), view, fiscalYear)
        : null;
    const pdf = await renderReportPdf(view, years, analysis);
    const name = `report-${code}-${all ? 'all' : fiscalYear}.pdf`;
    c.header('content-type', 'application/pdf');
    c.header('content-disposition', `attachment; filename="${name}"`);
    return c.body(pdf as Uint8Array<ArrayBuffer>);
  });
  return app;
}
