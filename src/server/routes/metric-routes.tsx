import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireMember } from '../../app/auth/require-actor.ts';
import { confirmMetric, type MetricForm } from '../../app/metrics/confirm-metric.ts';
import { linkMetricToKpi } from '../../app/metrics/link-metric-to-kpi.ts';
import { loadPlanView } from '../../app/views/plan-view.ts';
import { loadProjectView } from '../../app/views/project-view.ts';
import { SouseiError } from '../../core/errors.ts';
import type { ServerEnv } from '../env.ts';
import { type FormBody, field, formBody } from '../form-body.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';
import { urls } from '../urls.ts';
import type { FigureFormState } from '../views/entry-figures.tsx';
import { projectPageResponse } from './project-page-response.tsx';

function metricFormOf(body: FormBody): MetricForm {
  const checked = (name: string) => field(body, name) !== '';
  return {
    entry: field(body, 'entry'),
    position: field(body, 'position'),
    version: field(body, 'version'),
    label: field(body, 'label'),
    value: field(body, 'value'),
    unit: field(body, 'unit'),
    approximate: checked('approximate'),
    cumulative: checked('cumulative'),
    total: checked('total'),
  };
}

/** The project page again, with the refused figure's form open and what was typed in it. */
async function renderRefused(
  c: Context<ServerEnv>,
  fiscalYear: number,
  refused: FigureFormState & { entry: number; position: number },
) {
  const code = codeParam(c);
  const planId = idParam(c, 'planId');
  const ctx = c.get('app');
  const actor = c.get('actor');
  const view = await loadPlanView(ctx, actor, code, planId);
  const project = await loadProjectView(ctx, actor, view, idParam(c, 'projectId'), fiscalYear);
  return projectPageResponse(c, view, project, fiscalYear, {
    refused,
    status: refused.conflict ? 409 : 422,
  });
}

/** Confirming or correcting a figure read from a result (issue 12): a plain form, no script. */
export function metricRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.post('/m/:code/plans/:planId/projects/:projectId/metrics', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const projectId = idParam(c, 'projectId');
    const actor = requireMember(c.get('actor'), code);
    const fiscalYear = fiscalYearQuery(c);
    if (fiscalYear === null) throw new SouseiError('usage', 'form.stale');
    const form = metricFormOf(await formBody(c));
    const view = await loadPlanView(c.get('app'), actor, code, planId);
    const result = await confirmMetric(c.get('app'), actor, { view, projectId, fiscalYear }, form);
    const at = { entry: Number(form.entry), position: Number(form.position) };
    if (!result.ok && result.kind === 'invalid') {
      return renderRefused(c, fiscalYear, { ...at, form, errors: result.errors, conflict: false });
    }
    if (!result.ok) {
      // Keep what was typed; the form now carries the current version.
      const fresh = { ...form, version: String(result.version) };
      return renderRefused(c, fiscalYear, { ...at, form: fresh, errors: {}, conflict: true });
    }
    // Post/redirect/get: a reload does not confirm twice.
    const back = urls.project({ code, planId }, projectId, { fy: fiscalYear, done: 'metric' });
    return c.redirect(`${back}#figure-${at.entry}-${at.position}`, 303);
  });

  app.post('/m/:code/plans/:planId/kpis/:kpiId/metric', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const kpiId = idParam(c, 'kpiId');
    const actor = requireMember(c.get('actor'), code);
    const fiscalYear = fiscalYearQuery(c);
    const chosen = /^(\d{1,12}):(\d{1,6})$/.exec(field(await formBody(c), 'metric'));
    if (!chosen) throw new SouseiError('usage', 'form.stale');
    await linkMetricToKpi(c.get('app'), actor, {
      municipalityCode: code,
      kpiId,
      entryId: Number(chosen[1]),
      position: Number(chosen[2]),
    });
    return c.redirect(urls.kpi({ code, planId }, kpiId, { fy: fiscalYear, saved: 'actual' }), 303);
  });

  return app;
}
