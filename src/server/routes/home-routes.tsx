import { Hono } from 'hono';
import { landingFor } from '../../app/views/landing.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { page } from '../render.tsx';
import { urls } from '../urls.ts';

/** The front page: a member goes to where their work is; the public sees who publishes. */
export function homeRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/', async (c) => {
    const actor = c.get('actor');
    if (actor) {
      const landing = await landingFor(c.get('app'), actor);
      const code = landing.municipalityCode;
      return c.redirect(
        landing.todoPlanId === null
          ? urls.municipality(code)
          : urls.planPage({ code, planId: landing.todoPlanId }, 'todo'),
        303,
      );
    }
    const rows = await c.get('app').store.municipalities.listPublishing();
    return page(
      c,
      '地方版総合戦略の進捗',
      <>
        <h1>地方版総合戦略の進捗</h1>
        <p class="lead">
          各団体が公表した総合戦略の事業の予算・決算・取組の結果を見ることができます。
        </p>
        <h2>公表している団体</h2>
        {rows.length === 0 ? <p>まだありません。</p> : null}
        <ul>
          {rows.map((m) => (
            <li>
              <a href={urls.municipality(m.code)}>{m.name}</a>（{m.code}）
            </li>
          ))}
        </ul>
        <p>
          <a href={urls.compare()}>{t('compare.link')}</a>
        </p>
        <p>
          職員・委員の方は <a href="/login">ログイン</a> してください。
        </p>
      </>,
    );
  });
  return app;
}
