import { Hono } from 'hono';
import { requireMember } from '../../app/auth/require-actor.ts';
import { loadPlanView } from '../../app/views/plan-view.ts';
import { listHistory, restoreChange } from '../../app/workflow/history.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import { isAdmin } from '../../core/permissions.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { codeParam, idParam } from '../params.ts';
import { Csrf, page } from '../render.tsx';
import { urls } from '../urls.ts';
import { ChangeAuthor, ChangeSummary } from '../views/change-summary.tsx';
import { dateTime, fyLabel } from '../views/format.ts';
import { planNav } from '../views/plan-nav.ts';
import { ScrollBox } from '../views/scroll-box.tsx';

/** Every change with who, when, before and after; administrators can restore a previous value. */
export function historyRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/m/:code/plans/:planId/history', async (c) => {
    const code = codeParam(c);
    const planId = idParam(c, 'planId');
    const actor = requireMember(c.get('actor'), code);
    const ctx = c.get('app');
    const view = await loadPlanView(ctx, actor, code, planId);
    const items = await listHistory(ctx, { municipalityCode: code, planId });
    const admin = isAdmin(actor, code);
    const open = new Set(view.years.filter((y) => y.status === 'open').map((y) => y.fiscalYear));
    const plan = { code, planId };
    return page(
      c,
      '変更履歴',
      <>
        <h1>変更履歴</h1>
        {items.length === 0 ? <p>まだ変更はありません。</p> : null}
        <ScrollBox label={t('layout.box.history')}>
          <table>
            <caption>新しい順（最大200件）</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">だれが</th>
                <th scope="col">事業</th>
                <th scope="col">年度</th>
                <th scope="col">内容</th>
                {admin ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr>
                  <td>{dateTime(item.at)}</td>
                  <td>
                    <ChangeAuthor item={item} />
                  </td>
                  <td>
                    {item.projectId ? (
                      <a href={urls.project(plan, item.projectId)}>
                        {item.projectNo}. {item.projectName}
                      </a>
                    ) : (
                      NO_VALUE_MARK
                    )}
                  </td>
                  <td>{item.fiscalYear ? fyLabel(item.fiscalYear) : NO_VALUE_MARK}</td>
                  <td>
                    <ChangeSummary
                      item={item}
                      unit={view.plan.amountUnit}
                      conventions={view.plan.conventions}
                    />
                  </td>
                  {admin ? (
                    <td>
                      {(item.target.type === 'finance' || item.target.type === 'activities') &&
                      item.fiscalYear !== null &&
                      open.has(item.fiscalYear) ? (
                        <form
                          method="post"
                          action={urls.planPage(plan, `history/${item.id}/restore`)}
                          class="inline-form"
                        >
                          <Csrf token={c.get('csrfToken')} />
                          <button type="submit" class="button button--secondary">
                            変更前に戻す
                          </button>
                        </form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </>,
      {
        municipality: { code, name: view.summary.municipalityName },
        nav: planNav(actor, plan, 'history'),
      },
    );
  });

  app.post('/m/:code/plans/:planId/history/:changeId/restore', async (c) => {
    const code = codeParam(c);
    await restoreChange(c.get('app'), c.get('actor'), {
      municipalityCode: code,
      changeId: idParam(c, 'changeId'),
    });
    return c.redirect(urls.planPage({ code, planId: idParam(c, 'planId') }, 'history'), 303);
  });
  return app;
}
