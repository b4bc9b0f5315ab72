import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireActor } from '../../app/auth/require-actor.ts';
import { loadPlanView } from '../../app/views/plan-view.ts';
import { assertMayWrite } from '../../app/workflow/assert-entry-open.ts';
import { changeProjectStatus } from '../../app/workflow/project-status.ts';
import {
  type SaveProjectYearResult,
  saveProjectYear,
  submitProjectYear,
} from '../../app/workflow/save-project-year.ts';
import { SouseiError } from '../../core/errors.ts';
import { formatAmount } from '../../core/money.ts';
import { canActOnProject, canEditProjectYear, isAdmin } from '../../core/permissions.ts';
import type { Project } from '../../core/plan.ts';
import type { ProjectAction } from '../../core/workflow.ts';
import type { ServerEnv } from '../env.ts';
import { field, formBody } from '../form-body.ts';
import { type ParsedProjectYearForm, readProjectYearForm } from '../forms/project-year-form.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';
import { page } from '../render.tsx';
import { urls } from '../urls.ts';
import { fyLabel } from '../views/format.ts';
import { planNav } from '../views/plan-nav.ts';
import { ProjectYearFormPage } from '../views/project-year-form-page.tsx';
import { ReturnConfirmPage } from '../views/return-confirm-page.tsx';

/** The form's state as stored: amounts in the plan's unit, this year's entries per activity. */
function storedState(
  project: Project,
  version: number,
  fiscalYear: number,
  unit: Parameters<typeof formatAmount>[1],
): ParsedProjectYearForm {
  const f = project.finances.find((x) => x.fiscalYear === fiscalYear);
  const shown = (yen: number | null | undefined) =>
    yen === null || yen === undefined ? '' : formatAmount(yen, unit);
  return {
    version,
    budget: shown(f?.budget),
    settlement: shown(f?.settlement),
    activities: project.activities.map((a) => ({
      entries: a.entries
        .filter((e) => e.fiscalYear === fiscalYear)
        .map((e) => ({ kind: e.kind, text: e.text, kpi: e.kpi })),
    })),
    newActivity: null,
  };
}

async function renderForm(
  c: Context<ServerEnv>,
  options: {
    state?: ParsedProjectYearForm;
    result?: SaveProjectYearResult;
    saved?: boolean;
    reasons?: { figures: string; result: string };
  },
) {
  const actor = requireActor(c.get('actor'));
  const code = codeParam(c);
  const planId = idParam(c, 'planId');
  const projectId = idParam(c, 'projectId');
  const fiscalYear = fiscalYearQuery(c);
  const ctx = c.get('app');
  const row = await ctx.store.projectYears.project(code, projectId);
  if (row.planId !== planId || fiscalYear === null)
    throw new SouseiError('not-found', 'project.not-found', { id: projectId });
  const view = await loadPlanView(ctx, actor, code, planId);
  const project = [...view.refs].find(([, ref]) => ref.id === projectId)?.[0];
  if (!project) throw new SouseiError('not-found', 'project.not-found', { id: projectId });
  const year = await ctx.store.years.status(code, planId, fiscalYear);
  const status = await ctx.store.projectYears.status(code, row, fiscalYear);
  assertMayWrite(
    canEditProjectYear(actor, code, row, 'open', status.status),
    canEditProjectYear(actor, code, row, year, status.status),
    year,
    fiscalYear,
  );
  const result = options.result;
  const conflict = result && !result.ok && result.kind === 'conflict' ? result : null;
  // After a conflict the form keeps what was typed, with the new version: saving again overwrites knowingly.
  const state = options.state
    ? { ...options.state, version: conflict ? conflict.current.version : options.state.version }
    : storedState(project, row.version, fiscalYear, view.plan.amountUnit);
  const plan = { code, planId };
  return page(
    c,
    `${project.name} ${fyLabel(fiscalYear)} の入力`,
    <ProjectYearFormPage
      action={urls.projectPage(plan, projectId, 'edit', { fy: fiscalYear })}
      projectUrl={urls.project(plan, projectId, { fy: fiscalYear })}
      reasons={options.reasons ?? { figures: '', result: '' }}
      csrf={c.get('csrfToken')}
      project={{
        no: project.no,
        name: project.name,
        department:
          row.departmentId === null ? null : (view.departments.get(row.departmentId) ?? null),
      }}
      fiscalYear={fiscalYear}
      unit={view.plan.amountUnit}
      conventions={view.plan.conventions}
      activities={project.activities}
      state={state}
      status={status.status}
      returnComment={status.comment}
      errors={result && !result.ok && result.kind === 'invalid' ? result.errors : {}}
      conflict={conflict ? { current: conflict.current, lastChange: conflict.lastChange } : null}
      saved={options.saved ?? false}
      notice={c.req.query('done') ?? null}
      canSubmit={canActOnProject(actor, code, row, year, 'submit')}
    />,
    {
      municipality: { code, name: view.summary.municipalityName },
      nav: planNav(actor, plan, 'plan', fiscalYear),
      status: result && !result.ok ? (result.kind === 'conflict' ? 409 : 422) : 200,
    },
  );
}

/** Entry forms and project status changes for the open fiscal year. */
export function entryRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const path = '/m/:code/plans/:planId/projects/:projectId';

  app.get(`${path}/edit`, (c) => renderForm(c, { saved: c.req.query('saved') === '1' }));

  // 保存 and 入力完了 post the same form: 入力完了 saves what was typed first, never loses it.

  app.post(`${path}/edit`, async (c) => {
    const actor = requireActor(c.get('actor'));
    const code = codeParam(c);
    const projectId = idParam(c, 'projectId');
    const fiscalYear = fiscalYearQuery(c);
    if (fiscalYear === null)
      throw new SouseiError('not-found', 'project.not-found', { id: projectId });
    const planId = idParam(c, 'planId');
    if ((await c.get('app').store.projectYears.project(code, projectId)).planId !== planId) {
      throw new SouseiError('not-found', 'project.not-found', { id: projectId });
    }
    const body = await formBody(c);
    const form = readProjectYearForm(body);
    if (!form) throw new SouseiError('usage', 'form.stale');
    const input = { municipalityCode: code, projectId, fiscalYear, form };
    const reasons = {
      figures: field(body, 'reason_figures'),
      result: field(body, 'reason_result'),
    };
    const submit = field(body, 'intent') === 'submit';
    const result = submit
      ? await submitProjectYear(c.get('app'), actor, { ...input, reasons })
      : await saveProjectYear(c.get('app'), actor, input);
    if (result.ok) {
      // Post/redirect/get: a reload does not post twice.
      const plan = { code, planId };
      return c.redirect(
        submit
          ? urls.project(plan, projectId, { fy: fiscalYear, done: 'submit' })
          : urls.projectPage(plan, projectId, 'edit', { fy: fiscalYear, saved: 1 }),
        303,
      );
    }
    return renderForm(c, { state: form, result, reasons });
  });

  // 差戻し is confirmed on its own page, where the comment is written.
  app.get(`${path}/return`, async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const projectId = idParam(c, 'projectId');
    const fiscalYear = fiscalYearQuery(c);
    const actor = requireActor(c.get('actor'));
    if (!isAdmin(actor, code)) throw new SouseiError('forbidden', 'auth.forbidden');
    const ctx = c.get('app');
    const row = await ctx.store.projectYears.project(code, projectId);
    if (row.planId !== planId || fiscalYear === null)
      throw new SouseiError('not-found', 'project.not-found', { id: projectId });
    const view = await loadPlanView(ctx, actor, code, planId);
    const plan = { code, planId };
    return page(
      c,
      '差戻しの確認',
      <ReturnConfirmPage
        project={{ no: row.no, name: row.name }}
        fiscalYear={fiscalYear}
        postAction={urls.projectPage(plan, projectId, 'status')}
        cancelUrl={urls.planPage(plan, 'years', { fy: fiscalYear })}
        csrf={c.get('csrfToken')}
      />,
      {
        municipality: { code, name: view.summary.municipalityName },
        nav: planNav(actor, plan, 'years', fiscalYear),
      },
    );
  });

  app.post(`${path}/status`, async (c) => {
    const actor = requireActor(c.get('actor'));
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const projectId = idParam(c, 'projectId');
    if ((await c.get('app').store.projectYears.project(code, projectId)).planId !== planId) {
      throw new SouseiError('not-found', 'project.not-found', { id: projectId });
    }
    const body = await formBody(c);
    const fiscalYear = Number(field(body, 'fy'));
    const action = field(body, 'action');
    if (!['submit', 'accept', 'return'].includes(action) || !Number.isInteger(fiscalYear)) {
      throw new SouseiError('usage', 'form.stale');
    }
    await changeProjectStatus(c.get('app'), actor, {
      municipalityCode: code,
      projectId,
      fiscalYear,
      action: action as ProjectAction,
      comment: field(body, 'comment'),
      reasons: { figures: field(body, 'reason_figures'), result: field(body, 'reason_result') },
    });
    const plan = { code, planId };
    const done = { fy: fiscalYear, done: action };
    const next =
      field(body, 'back') === 'years'
        ? urls.planPage(plan, 'years', done)
        : urls.project(plan, projectId, done);
    return c.redirect(next, 303);
  });
  return app;
}
