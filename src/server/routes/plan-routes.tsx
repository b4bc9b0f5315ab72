import { Hono } from 'hono';
import { defaultYearOf } from '../../app/views/default-year.ts';
import { listVisiblePlans, loadPlanView } from '../../app/views/plan-view.ts';
import { SouseiError } from '../../core/errors.ts';
import { isProjectStatus } from '../../core/workflow.ts';
import type { ServerEnv } from '../env.ts';
import { codeParam, fiscalYearQuery, idParam } from '../params.ts';
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
              <a href={urls.plan({ code, planId: p.id })}>{p.title}</a>（{p.kind}、
              {fyLabel(p.firstFiscalYear)}～{fyLabel(p.lastFiscalYear)}）
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
    const view = await loadPlanView(ctx, c.get('actor'), code, planId, { readOnly: true });
    const asked = fiscalYearQuery(c);
    const fiscalYear = asked ?? defaultYearOf(view, 'work');
    if (fiscalYear === undefined || !view.readableYears.includes(fiscalYear)) {
      throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
    }
    const departmentQuery = c.req.query('department');
    const department =
      departmentQuery && /^\d+$/.test(departmentQuery) ? Number(departmentQuery) : null;
    const statusQuery = c.req.query('status') ?? '';
    const statuses = view.isMember
      ? await ctx.store.projectYears.statuses(code, planId, fiscalYear)
      : new Map();
    const municipality = { code, name: view.summary.municipalityName };
    return page(
      c,
      `${view.summary.title} ${fyLabel(fiscalYear)}`,
      <PlanPage
        view={view}
        fiscalYear={fiscalYear}
        address={{ code, planId }}
        department={view.isMember ? department : null}
        status={view.isMember && isProjectStatus(statusQuery) ? statusQuery : null}
        statuses={statuses}
      />,
      { municipality, nav: planNav(c.get('actor'), { code, planId }, 'plan', fiscalYear) },
    );
  });
  return app;
}
