import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import { defaultYearOf } from '../../app/views/default-year.ts';
import { listVisiblePlans, loadPlanView } from '../../app/views/plan-view.ts';
import { SouseiError } from '../../core/errors.ts';
import { isShownProjectStatus } from '../../core/workflow.ts';
import type { ServerEnv } from '../env.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';
import {
  keepPlanFragment,
  keptPlanFragment,
  type PlanFragment,
  planFragmentKey,
} from '../plan-fragments.ts';
import { page } from '../render.tsx';
import { urls } from '../urls.ts';
import { fyLabel } from '../views/format.ts';
import { planNav } from '../views/plan-nav.ts';
import { PlanPage } from '../views/plan-page.tsx';

export function planRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/m/:code', async (c) => {
    const code = codeParam(c);
    const ctx = c.get('app');
    const municipality = await ctx.store.municipalities.find(code);
    if (!municipality) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
    const plans = await listVisiblePlans(ctx, c.get('actor'), code);
    return page(
      c,
      municipality.name,
      <>
        <h1>{municipality.name}の計画</h1>
        {plans.length === 0 ? <p>公表されている計画はまだありません。</p> : null}
        <ul>
          {plans.map((p) => (
            <li>
              <a href={urls.plan({ code, planId: p.id })}>{p.title}</a>・{p.kind}・
              {fyLabel(p.firstFiscalYear)}～{fyLabel(p.lastFiscalYear)}
            </li>
          ))}
        </ul>
      </>,
      { municipality },
    );
  });

  app.get('/m/:code/plans/:planId', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const ctx = c.get('app');
    const actor = c.get('actor');
    const asked = fiscalYearQuery(c);
    const departmentQuery = c.req.query('department');
    const statusQuery = c.req.query('status') ?? '';
    const key = await planFragmentKey(ctx, code, planId, actor, {
      fy: asked === null ? undefined : String(asked),
      department: departmentQuery,
      status: statusQuery,
    });
    const fragment =
      (key ? keptPlanFragment(ctx, key) : undefined) ??
      (await renderPlanTree(c, code, planId, asked, departmentQuery, statusQuery));
    if (key) keepPlanFragment(ctx, key, fragment);
    return page(c, fragment.title, raw(fragment.html), {
      municipality: { code, name: fragment.municipalityName },
      nav: planNav(actor, { code, planId }, 'plan', fragment.fiscalYear),
    });
  });
  return app;
}

/** The plan tree's body for the request's reader, year and filters (rendered to a string). */
async function renderPlanTree(
  c: Context<ServerEnv>,
  code: string,
  planId: number,
  asked: number | null,
  departmentQuery: string | undefined,
  statusQuery: string,
): Promise<PlanFragment> {
  const ctx = c.get('app');
  const view = await loadPlanView(ctx, c.get('actor'), code, planId, { readOnly: true });
  const fiscalYear = asked ?? defaultYearOf(view, 'work');
  if (fiscalYear === undefined || !view.readableYears.includes(fiscalYear)) {
    throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  }
  const department =
    departmentQuery && /^\d+$/.test(departmentQuery) ? Number(departmentQuery) : null;
  const statuses = view.isMember
    ? await ctx.store.projectYears.statuses(code, planId, fiscalYear)
    : new Map();
  const body = (
    <PlanPage
      view={view}
      fiscalYear={fiscalYear}
      address={{ code, planId }}
      department={view.isMember ? department : null}
      status={view.isMember && isShownProjectStatus(statusQuery) ? statusQuery : null}
      statuses={statuses}
    />
  );
  return {
    title: `${view.summary.title} ${fyLabel(fiscalYear)}`,
    html: String(await body.toString()),
    municipalityName: view.summary.municipalityName,
    fiscalYear,
  };
}
