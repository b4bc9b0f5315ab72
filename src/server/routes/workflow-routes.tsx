import { Hono } from 'hono';
import { requireMember } from '../../app/auth/require-actor.ts';
import { loadPlanView } from '../../app/views/plan-view.ts';
import { yearProgress } from '../../app/views/year-progress.ts';
import { changeYearStatus } from '../../app/workflow/year-status.ts';
import { SouseiError } from '../../core/errors.ts';
import { canEditProjectYear, isAdmin } from '../../core/permissions.ts';
import { checkPlan } from '../../core/plan-checks.ts';
import type { YearAction } from '../../core/workflow.ts';
import type { ServerEnv } from '../env.ts';
import { field, formBody } from '../form-body.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';
import { page } from '../render.tsx';
import { planNav } from '../views/plan-nav.ts';
import { YearsPage } from '../views/years-page.tsx';

const YEAR_ACTIONS: readonly YearAction[] = ['open', 'lock', 'unlock', 'publish', 'unpublish'];

/** The yearly workflow page (members) and its year actions (administrators). */
export function workflowRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/m/:code/plans/:planId/years', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const actor = requireMember(c.get('actor'), code);
    const ctx = c.get('app');
    const view = await loadPlanView(ctx, actor, code, planId);
    const asked = fiscalYearQuery(c);
    const open = view.years.find((y) => y.status === 'open')?.fiscalYear;
    const fiscalYear = asked ?? open ?? view.years.at(-1)?.fiscalYear;
    if (fiscalYear === undefined || !view.years.some((y) => y.fiscalYear === fiscalYear)) {
      throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
    }
    const rows = await yearProgress(ctx, actor, view, fiscalYear);
    const yearStatus = view.years.find((y) => y.fiscalYear === fiscalYear)?.status ?? 'preparing';
    const base = `/m/${code}/plans/${planId}`;
    const checkErrors = checkPlan(view.plan, fiscalYear).filter(
      (f) => f.severity === 'error',
    ).length;
    return page(
      c,
      '年度の進行',
      <YearsPage
        base={base}
        csrf={c.get('csrfToken')}
        isAdmin={isAdmin(actor, code)}
        years={view.years.filter(
          (y) =>
            y.fiscalYear >= view.summary.firstFiscalYear &&
            y.fiscalYear <= view.summary.lastFiscalYear,
        )}
        fiscalYear={fiscalYear}
        rows={rows}
        checkErrors={checkErrors}
        canEdit={(r) =>
          canEditProjectYear(actor, code, { departmentId: r.departmentId }, yearStatus, r.status)
        }
      />,
      {
        municipality: { code, name: view.summary.municipalityName },
        nav: planNav(actor, code, base, 'years', fiscalYear),
      },
    );
  });

  app.post('/m/:code/plans/:planId/years/:fy', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const fiscalYear = idParam(c, 'fy');
    const body = await formBody(c);
    const action = field(body, 'action') as YearAction;
    if (!YEAR_ACTIONS.includes(action)) throw new SouseiError('usage', 'form.stale');
    await changeYearStatus(c.get('app'), c.get('actor'), {
      municipalityCode: code,
      planId,
      fiscalYear,
      action,
      override: field(body, 'override'),
    });
    return c.redirect(`/m/${code}/plans/${planId}/years?fy=${fiscalYear}`, 303);
  });
  return app;
}
