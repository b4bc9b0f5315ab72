import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireAdmin, requireMember } from '../../app/auth/require-actor.ts';
import { evaluationYears, loadEvaluationQueue } from '../../app/evaluation/evaluation-queue.ts';
import {
  addComment,
  type EvaluationErrors,
  saveEvaluationWithComment,
} from '../../app/evaluation/evaluations.ts';
import { loadSettings, saveSettings } from '../../app/evaluation/municipality-settings.ts';
import { loadProjectEvaluation } from '../../app/evaluation/project-evaluation.ts';
import {
  parseSettingsForm,
  type SettingsForm,
  settingsFormOf,
  thresholdField,
} from '../../app/evaluation/settings-form.ts';
import { defaultYearOf } from '../../app/views/default-year.ts';
import { listVisiblePlans, loadPlanView } from '../../app/views/plan-view.ts';
import type { FieldError } from '../../app/workflow/save-project-year.ts';
import { SouseiError } from '../../core/errors.ts';
import { isAdmin } from '../../core/permissions.ts';
import { BUILT_IN_SCALES } from '../../core/status-scale.ts';
import type { ServerEnv } from '../env.ts';
import { type FormBody, field, formBody } from '../form-body.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';
import { page } from '../render.tsx';
import { type PlanAddress, urls } from '../urls.ts';
import { EvaluationFormPage } from '../views/evaluation-form-page.tsx';
import { EvaluationQueuePage, type QueueFilter } from '../views/evaluation-queue-page.tsx';
import { EvaluationSettingsPage } from '../views/evaluation-settings-page.tsx';
import { fyLabel } from '../views/format.ts';
import { planNav } from '../views/plan-nav.ts';

const notFound = () => new SouseiError('not-found', 'plan.not-found', { detail: '' });

/**
 * The member's plan view and the evaluated year (`?fy=`, else the default): members only.
 * Evaluations are not public: they stay within the municipality until a later issue publishes
 * them with the report; the public is asked to sign in, other municipalities find nothing.
 */
async function evaluationContext(c: Context<ServerEnv>) {
  const code = codeParam(c);
  const planId = idParam(c, 'planId');
  const actor = requireMember(c.get('actor'), code);
  const view = await loadPlanView(c.get('app'), actor, code, planId);
  const fiscalYear = fiscalYearQuery(c) ?? defaultYearOf(view, 'review');
  if (fiscalYear === undefined || !evaluationYears(view).includes(fiscalYear)) throw notFound();
  const plan: PlanAddress = { code, planId };
  return { code, planId, plan, actor, view, fiscalYear };
}

interface FormState {
  typed?: { effect: string; policy: string; comment: string };
  errors?: EvaluationErrors;
}

async function renderEvaluation(c: Context<ServerEnv>, state: FormState = {}) {
  const { code, plan, actor, view, fiscalYear } = await evaluationContext(c);
  const projectId = idParam(c, 'projectId');
  const data = await loadProjectEvaluation(c.get('app'), actor, view, projectId, fiscalYear);
  const saved = c.req.query('saved');
  const errors = state.errors ?? {};
  return page(
    c,
    `${data.project.project.no}. ${data.project.project.name} ${fyLabel(fiscalYear)} の評価`,
    <EvaluationFormPage
      view={view}
      address={plan}
      csrf={c.get('csrfToken')}
      data={data}
      typed={
        state.typed ?? {
          effect: data.evaluation.effect ?? '',
          policy: data.evaluation.policy ?? '',
          comment: '',
        }
      }
      errors={errors}
      saved={
        saved === 'evaluation' || saved === 'evaluation-comment' || saved === 'comment'
          ? saved
          : null
      }
    />,
    {
      municipality: { code, name: view.summary.municipalityName },
      nav: planNav(actor, plan, 'evaluations', fiscalYear),
      status: Object.keys(errors).length > 0 ? 422 : 200,
    },
  );
}

function requireSettingsAdmin(c: Context<ServerEnv>): string {
  const code = codeParam(c);
  requireAdmin(c.get('actor'), code);
  return code;
}

function settingsFormFrom(body: FormBody): SettingsForm {
  const thresholds: Record<string, string[]> = {};
  for (const scale of BUILT_IN_SCALES) {
    thresholds[scale.id] = scale.bands
      .slice(0, -1)
      .map((_, i) => field(body, thresholdField(scale.id, i)));
  }
  return { scaleId: field(body, 'scale'), thresholds, policies: field(body, 'policies') };
}

async function renderSettings(
  c: Context<ServerEnv>,
  form: SettingsForm | null,
  errors: Record<string, FieldError>,
) {
  const code = requireSettingsAdmin(c);
  const ctx = c.get('app');
  const municipality = await ctx.store.municipalities.find(code);
  if (!municipality) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  const plan = (await listVisiblePlans(ctx, c.get('actor'), code))[0];
  return page(
    c,
    '評価の設定',
    <EvaluationSettingsPage
      code={code}
      municipalityName={municipality.name}
      csrf={c.get('csrfToken')}
      form={form ?? settingsFormOf(await loadSettings(ctx, code))}
      errors={errors}
      saved={c.req.query('saved') === '1'}
      back={plan ? urls.planPage({ code, planId: plan.id }, 'evaluations') : null}
    />,
    { municipality, status: Object.keys(errors).length > 0 ? 422 : 200 },
  );
}

/** The committee's evaluation: queue, 事業効果 and 今後の方針, comments by role, settings. */
export function evaluationRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/m/:code/plans/:planId/evaluations', async (c) => {
    const { code, plan, actor, view, fiscalYear } = await evaluationContext(c);
    const asked = c.req.query('filter');
    // The committee comes to see what is left to evaluate; others to see the whole year.
    const filter: QueueFilter =
      asked === 'pending' || asked === 'all'
        ? asked
        : actor.role === 'committee'
          ? 'pending'
          : 'all';
    const queue = await loadEvaluationQueue(c.get('app'), view, fiscalYear);
    const years = new Set(evaluationYears(view));
    return page(
      c,
      `${fyLabel(fiscalYear)} の評価 | ${view.summary.title}`,
      <EvaluationQueuePage
        address={plan}
        title={view.summary.title}
        years={view.years.filter((y) => years.has(y.fiscalYear))}
        fiscalYear={fiscalYear}
        filter={filter}
        queue={queue}
        isAdmin={isAdmin(actor, code)}
      />,
      {
        municipality: { code, name: view.summary.municipalityName },
        nav: planNav(actor, plan, 'evaluations', fiscalYear),
      },
    );
  });

  const path = '/m/:code/plans/:planId/projects/:projectId/evaluation';
  app.get(path, (c) => renderEvaluation(c));

  app.post(path, async (c) => {
    const { code, planId, actor, view, fiscalYear } = await evaluationContext(c);
    const projectId = idParam(c, 'projectId');
    const body = await formBody(c);
    const intent = field(body, 'intent');
    const typed = {
      effect: field(body, 'effect'),
      policy: field(body, 'policy'),
      comment: field(body, 'comment'),
    };
    const target = { view, projectId, fiscalYear };
    let saved: 'evaluation' | 'evaluation-comment' | 'comment';
    if (intent === 'evaluate') {
      // 評価を保存 also saves a comment typed in the same form: nothing typed is lost.
      const result = await saveEvaluationWithComment(c.get('app'), actor, { ...target, ...typed });
      if (!result.ok) return renderEvaluation(c, { typed, errors: result.errors });
      saved = result.comment ? 'evaluation-comment' : 'evaluation';
    } else if (intent === 'comment' && 'effect' in body) {
      // コメントを追加 on the evaluator's form: the choices made above are kept too.
      const result = await saveEvaluationWithComment(
        c.get('app'),
        actor,
        { ...target, ...typed },
        { requireComment: true },
      );
      if (!result.ok) return renderEvaluation(c, { typed, errors: result.errors });
      saved = result.evaluation ? 'evaluation-comment' : 'comment';
    } else if (intent === 'comment') {
      const result = await addComment(c.get('app'), actor, { ...target, text: typed.comment });
      if (!result.ok) return renderEvaluation(c, { typed, errors: result.errors });
      saved = 'comment';
    } else {
      throw new SouseiError('usage', 'form.stale');
    }
    // Post/redirect/get: a reload does not save twice.
    const anchor = saved === 'comment' ? 'comments' : 'evaluation';
    const at = urls.projectPage({ code, planId }, projectId, 'evaluation', {
      fy: fiscalYear,
      saved,
    });
    return c.redirect(`${at}#${anchor}`, 303);
  });

  app.get('/m/:code/settings', (c) => renderSettings(c, null, {}));

  app.post('/m/:code/settings', async (c) => {
    const code = requireSettingsAdmin(c);
    const form = settingsFormFrom(await formBody(c));
    const parsed = parseSettingsForm(form);
    if (!parsed.ok) return renderSettings(c, form, parsed.errors);
    await saveSettings(c.get('app'), c.get('actor'), code, parsed);
    return c.redirect(urls.municipalityPage(code, 'settings', { saved: 1 }), 303);
  });

  return app;
}
