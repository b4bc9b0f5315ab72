import { Hono } from 'hono';
import { loadAnalysisPage } from '../../app/analysis/analysis-page.ts';
import { loadReportEvaluation } from '../../app/evaluation/report-evaluation.ts';
import { ReportPage } from '../../app/reports/report-page.tsx';
import { defaultYearOf } from '../../app/views/default-year.ts';
import { loadPlanView } from '../../app/views/plan-view.ts';
import { progressReport } from '../../app/views/progress-report.ts';
import { loadProjectView } from '../../app/views/project-view.ts';
import { MAX_QUERY_LENGTH, searchPlan } from '../../app/views/search-plan.ts';
import { SouseiError } from '../../core/errors.ts';
import type { ServerEnv } from '../env.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';
import { page } from '../render.tsx';
import { analysisSourceLink } from '../views/analysis-links.ts';
import { fyLabel } from '../views/format.ts';
import { planNav } from '../views/plan-nav.ts';
import { reportLinks } from '../views/report-links.ts';
import { SearchPage } from '../views/search-page.tsx';
import { projectPageResponse } from './project-page-response.tsx';

const notFound = () => new SouseiError('not-found', 'plan.not-found', { detail: '' });

/** Read-only pages of a plan: a project, the progress report, search. */
export function readRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/m/:code/plans/:planId/projects/:projectId', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const projectId = idParam(c, 'projectId');
    const ctx = c.get('app');
    const actor = c.get('actor');
    const view = await loadPlanView(ctx, actor, code, planId, { readOnly: true });
    const fiscalYear = fiscalYearQuery(c) ?? defaultYearOf(view, 'work');
    if (fiscalYear === undefined || !view.readableYears.includes(fiscalYear)) throw notFound();
    const project = await loadProjectView(ctx, actor, view, projectId, fiscalYear);
    return projectPageResponse(c, view, project, fiscalYear, { done: c.req.query('done') });
  });

  app.get('/m/:code/plans/:planId/report', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const actor = c.get('actor');
    const view = await loadPlanView(c.get('app'), actor, code, planId, { readOnly: true });
    const all = c.req.query('fy') === 'all';
    const fiscalYear = all ? undefined : (fiscalYearQuery(c) ?? defaultYearOf(view, 'work'));
    if (!all && (fiscalYear === undefined || !view.readableYears.includes(fiscalYear))) {
      throw notFound();
    }
    const years = fiscalYear === undefined ? view.readableYears : [fiscalYear];
    if (years.length === 0) throw notFound();
    const report = progressReport(view, years);
    // The evaluation columns are for members: evaluations are not public until a later issue
    // publishes them with the report. The cumulative report shows the year the committee
    // evaluated last (the latest closed year), not a future year of the plan with nothing yet.
    const evaluationYear = fiscalYear ?? defaultYearOf(view, 'review') ?? years.at(-1);
    const evaluation =
      view.isMember && c.req.query('evaluation') === '1' && evaluationYear !== undefined
        ? await loadReportEvaluation(c.get('app'), view, evaluationYear)
        : null;
    const analysis =
      c.req.query('analysis') === '1' && fiscalYear !== undefined
        ? await loadAnalysisPage(c.get('app'), actor, view, fiscalYear)
        : null;
    const label = fiscalYear === undefined ? '全年度（累計）' : fyLabel(fiscalYear);
    return page(
      c,
      `${view.summary.title} 進捗状況表 ${label}`,
      <ReportPage
        view={view}
        report={report}
        all={all}
        links={reportLinks({ code, planId })}
        evaluationOption={view.isMember}
        evaluation={evaluation}
        analysis={analysis}
        analysisLink={analysisSourceLink({ code, planId })}
      />,
      {
        municipality: { code, name: view.summary.municipalityName },
        nav: planNav(actor, { code, planId }, 'report', fiscalYear),
      },
    );
  });

  app.get('/m/:code/plans/:planId/search', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const actor = c.get('actor');
    const view = await loadPlanView(c.get('app'), actor, code, planId, { readOnly: true });
    const query = (c.req.query('q') ?? '').slice(0, MAX_QUERY_LENGTH);
    const result = searchPlan(view, query);
    return page(
      c,
      query.trim() ? `「${query.trim()}」の検索結果 | ${view.summary.title}` : '検索',
      <SearchPage view={view} query={query} result={result} address={{ code, planId }} />,
      {
        municipality: { code, name: view.summary.municipalityName },
        nav: planNav(actor, { code, planId }, 'search'),
      },
    );
  });

  return app;
}
