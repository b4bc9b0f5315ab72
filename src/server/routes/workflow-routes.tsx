import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireMember } from '../../app/auth/require-actor.ts';
import { defaultYearOf } from '../../app/views/default-year.ts';
import { loadPlanView } from '../../app/views/plan-view.ts';
import { yearProgress } from '../../app/views/year-progress.ts';
import { yearGate } from '../../app/workflow/year-gate.ts';
import { changeYearStatus } from '../../app/workflow/year-status.ts';
import { SouseiError } from '../../core/errors.ts';
import { canEditProjectYear, isAdmin } from '../../core/permissions.ts';
import type { YearAction } from '../../core/workflow.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { field, formBody } from '../form-body.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';
import { page } from '../render.tsx';
import { urls } from '../urls.ts';
import { planNav } from '../views/plan-nav.ts';
import { YearConfirmPage } from '../views/year-confirm-page.tsx';
import { YearsPage } from '../views/years-page.tsx';

const YEAR_ACTIONS: readonly YearAction[] = ['open', 'lock', 'unlock', 'publish', 'unpublish'];

function yearAction(value: string | undefined): YearAction {
  const action = YEAR_ACTIONS.find((a) => a === value);
  if (!action) throw new SouseiError('usage', 'form.stale');
  return action;
}

/** The confirmation of a year step (administrators), with what stands in its way. */
async function renderConfirm(
  c: Context<ServerEnv>,
  action: YearAction,
  options: { refusal?: string; reason?: string; status?: number } = {},
) {
  const code = codeParam(c);
  const planId = idParam(c, 'planId');
  const fiscalYear = idParam(c, 'fy');
  const actor = requireMember(c.get('actor'), code);
  if (!isAdmin(actor, code)) throw new SouseiError('forbidden', 'auth.forbidden');
  const ctx = c.get('app');
  const view = await loadPlanView(ctx, actor, code, planId);
  const gate = await yearGate(ctx, code, planId, fiscalYear);
  const plan = { code, planId };
  return page(
    c,
    t(`action.year.${action}`),
    <YearConfirmPage
      action={action}
      fiscalYear={fiscalYear}
      postAction={urls.planPage(plan, `years/${fiscalYear}`)}
      cancelUrl={urls.planPage(plan, 'years', { fy: fiscalYear })}
      projectUrl={(id) => urls.projectPage(plan, id, 'edit', { fy: fiscalYear })}
      csrf={c.get('csrfToken')}
      unit={view.plan.amountUnit}
      unfinished={gate.unfinished}
      errors={gate.errors}
      refusal={options.refusal ?? null}
      reason={options.reason ?? ''}
    />,
    {
      municipality: { code, name: view.summary.municipalityName },
      nav: planNav(actor, plan, 'years', fiscalYear),
      status: options.status ?? 200,
    },
  );
}

/** The yearly workflow page (members), its confirmations and year actions (administrators). */
export function workflowRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/m/:code/plans/:planId/years', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const actor = requireMember(c.get('actor'), code);
    const ctx = c.get('app');
    const view = await loadPlanView(ctx, actor, code, planId);
    const fiscalYear = fiscalYearQuery(c) ?? defaultYearOf(view, 'work');
    if (fiscalYear === undefined || !view.years.some((y) => y.fiscalYear === fiscalYear)) {
      throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
    }
    const rows = await yearProgress(ctx, actor, view, fiscalYear);
    const yearStatus = view.years.find((y) => y.fiscalYear === fiscalYear)?.status ?? 'preparing';
    const gate = await yearGate(ctx, code, planId, fiscalYear);
    const plan = { code, planId };
    const done = c.req.query('done');
    const doneYear = fiscalYearQuery(c);
    return page(
      c,
      '年度の進行',
      <YearsPage
        plan={plan}
        csrf={c.get('csrfToken')}
        isAdmin={isAdmin(actor, code)}
        years={view.years.filter(
          (y) =>
            y.fiscalYear >= view.summary.firstFiscalYear &&
            y.fiscalYear <= view.summary.lastFiscalYear,
        )}
        fiscalYear={fiscalYear}
        yearStatus={yearStatus}
        rows={rows}
        checkErrors={gate.errors.length}
        notice={done ? { action: done, fiscalYear: doneYear ?? fiscalYear } : null}
        canEdit={(r) =>
          canEditProjectYear(actor, code, { departmentId: r.departmentId }, yearStatus, r.status)
        }
      />,
      {
        municipality: { code, name: view.summary.municipalityName },
        nav: planNav(actor, plan, 'years', fiscalYear),
      },
    );
  });

  // Every year step is confirmed on its own page first (GET), then posted from there.
  app.get('/m/:code/plans/:planId/years/:fy', (c) =>
    renderConfirm(c, yearAction(c.req.query('action'))),
  );

  app.post('/m/:code/plans/:planId/years/:fy', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const fiscalYear = idParam(c, 'fy');
    const body = await formBody(c);
    const action = yearAction(field(body, 'action'));
    const plan = { code, planId };
    if (!isAdmin(c.get('actor'), code)) throw new SouseiError('forbidden', 'auth.forbidden');
    if (field(body, 'confirmed') !== '1') {
      return c.redirect(urls.planPage(plan, `years/${fiscalYear}`, { action }), 303);
    }
    const override = field(body, 'override');
    try {
      await changeYearStatus(c.get('app'), c.get('actor'), {
        municipalityCode: code,
        planId,
        fiscalYear,
        action,
        override,
      });
    } catch (error) {
      if (error instanceof SouseiError && error.code === 'conflict') {
        const refusal = t(error.messageKey, error.params);
        return renderConfirm(c, action, { refusal, reason: override, status: 409 });
      }
      throw error;
    }
    return c.redirect(urls.planPage(plan, 'years', { fy: fiscalYear, done: action }), 303);
  });
  return app;
}
