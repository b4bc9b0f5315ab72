import type { Context } from 'hono';
import { Hono } from 'hono';
import { loadAnalysisPage } from '../../app/analysis/analysis-page.ts';
import { saveAnalysis } from '../../app/analysis/save-analysis.ts';
import { requireAdmin } from '../../app/auth/require-actor.ts';
import { defaultYearOf } from '../../app/views/default-year.ts';
import { loadPlanView } from '../../app/views/plan-view.ts';
import { SouseiError } from '../../core/errors.ts';
import type { ServerEnv } from '../env.ts';
import { field, formBody } from '../form-body.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';
import { page } from '../render.tsx';
import { urls } from '../urls.ts';
import { analysisSourceLink } from '../views/analysis-links.ts';
import { type AnalysisFormState, AnalysisPage } from '../views/analysis-page.tsx';
import { fyLabel } from '../views/format.ts';
import { planNav } from '../views/plan-nav.ts';

const notFound = () => new SouseiError('not-found', 'plan.not-found', { detail: '' });
const SAVED = ['save', 'approve', 'adopt'] as const;

/** The plan view and the year (`?fy=`, else the year under review) the reader may read. */
async function analysisContext(c: Context<ServerEnv>) {
  const code = codeParam(c);
  const planId = idParam(c, 'planId');
  const actor = c.get('actor');
  const view = await loadPlanView(c.get('app'), actor, code, planId, { readOnly: true });
  const fiscalYear = fiscalYearQuery(c) ?? defaultYearOf(view, 'review');
  if (fiscalYear === undefined || !view.readableYears.includes(fiscalYear)) throw notFound();
  return { code, planId, actor, view, fiscalYear, plan: { code, planId } };
}

async function renderAnalysis(c: Context<ServerEnv>, form: AnalysisFormState | null = null) {
  const { code, actor, view, fiscalYear, plan } = await analysisContext(c);
  const data = await loadAnalysisPage(c.get('app'), actor, view, fiscalYear);
  const saved = SAVED.find((s) => s === c.req.query('saved')) ?? null;
  const status = form?.conflict ? 409 : form?.error ? 422 : 200;
  return page(
    c,
    `${fyLabel(fiscalYear)} の効果検証 | ${view.summary.title}`,
    <AnalysisPage
      address={plan}
      title={view.summary.title}
      years={view.readableYears}
      page={data}
      csrf={c.get('csrfToken')}
      link={analysisSourceLink(plan)}
      editing={form?.scope ?? c.req.query('scope') ?? null}
      form={form}
      saved={saved}
    />,
    {
      municipality: { code, name: view.summary.municipalityName },
      nav: planNav(actor, plan, 'analysis', fiscalYear),
      status,
    },
  );
}

/**
 * The committee's analysis (効果検証): read by everyone who may read the year (the public sees
 * approved texts only), edited and approved by 企画課. A refused form keeps what was typed.
 */
export function analysisRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const path = '/m/:code/plans/:planId/analysis';

  app.get(path, (c) => renderAnalysis(c));

  app.post(path, async (c) => {
    requireAdmin(c.get('actor'), codeParam(c));
    const { actor, view, fiscalYear, plan } = await analysisContext(c);
    const body = await formBody(c);
    const form = {
      scope: field(body, 'scope'),
      text: field(body, 'text'),
      version: field(body, 'version'),
      action: field(body, 'action'),
    };
    const result = await saveAnalysis(c.get('app'), actor, view, fiscalYear, form);
    if (!result.ok) {
      return renderAnalysis(c, {
        scope: form.scope,
        text: form.text,
        error: result.kind === 'invalid' ? result.errors.text : undefined,
        conflict: result.kind === 'conflict' ? { current: result.current } : undefined,
      });
    }
    // Post/redirect/get: a reload does not save twice.
    const at = urls.planPage(plan, 'analysis', { fy: fiscalYear, saved: result.action });
    return c.redirect(`${at}#analysis-${form.scope}`, 303);
  });

  return app;
}
