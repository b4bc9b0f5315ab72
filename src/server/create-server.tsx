import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AppContext } from '../app/app-context.ts';
import { ERROR_STATUS } from '../app/error-status.ts';
import { SouseiError } from '../core/errors.ts';
import { t } from '../i18n/translate.ts';
import { apiRoutes } from './api/api-routes.tsx';
import type { ServerConfig } from './config.ts';
import type { ServerEnv } from './env.ts';
import { apiBodyLimit, tooLargePage, webBodyLimit } from './middleware/body-limit.tsx';
import { csrfMiddleware } from './middleware/csrf.ts';
import { noStoreForSessions } from './middleware/no-store.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { sessionMiddleware } from './middleware/session.ts';
import { publicCache, type RequestView } from './public-cache/public-cache.ts';
import { sessionPageCache } from './public-cache/session-page-cache.ts';
import { page } from './render.tsx';
import { analysisRoutes } from './routes/analysis-routes.tsx';
import { assetRoutes } from './routes/assets.ts';
import { authRoutes } from './routes/auth-routes.tsx';
import { compareDataRoutes, compareRoutes } from './routes/compare-routes.tsx';
import { dashboardRoutes } from './routes/dashboard-routes.tsx';
import { docRoutes } from './routes/doc-routes.tsx';
import { downloadRoutes } from './routes/download-routes.tsx';
import { entryRoutes } from './routes/entry-routes.tsx';
import { evaluationRoutes } from './routes/evaluation-routes.tsx';
import { historyRoutes } from './routes/history-routes.tsx';
import { homeRoutes } from './routes/home-routes.tsx';
import { importRoutes } from './routes/import-routes.tsx';
import { kpiRoutes } from './routes/kpi-routes.tsx';
import { mappedImportRoutes } from './routes/mapped-import-routes.tsx';
import { metricRoutes } from './routes/metric-routes.tsx';
import { passwordRoutes } from './routes/password-routes.tsx';
import { pdfRoutes } from './routes/pdf-routes.tsx';
import { planRoutes } from './routes/plan-routes.tsx';
import { readRoutes } from './routes/read-routes.tsx';
import { todoRoutes } from './routes/todo-routes.tsx';
import { tokenRoutes } from './routes/token-routes.tsx';
import { userRoutes } from './routes/user-routes.tsx';
import { workflowRoutes } from './routes/workflow-routes.tsx';
import { BodyTooLarge } from './upload/multipart-stream.ts';
import { urls } from './urls.ts';
import { ErrorPage, sameSiteBack } from './views/error-page.tsx';

/**
 * The web application as a Hono app: tests drive it in-process with `app.request('/path')`,
 * serve.ts puts it on a port. Route handlers stay thin: they parse, call a use case, render.
 */
export function createServer(ctx: AppContext, config: ServerConfig) {
  const app = new Hono<ServerEnv>();
  // First: a cached public response keeps the headers every middleware below gave it.
  const cache = publicCache(ctx);
  app.use('*', cache.middleware);
  const sessionPages = sessionPageCache(ctx);
  app.use('*', sessionPages.middleware);
  app.use('*', securityHeaders(config));
  app.use('*', async (c, next) => {
    c.set('app', ctx);
    c.set('config', config);
    await next();
  });
  app.use('*', noStoreForSessions);
  app.route('/assets', assetRoutes());
  app.use('/api/*', apiBodyLimit(config));
  app.route('/api', apiRoutes()); // bearer tokens only: before the session and CSRF
  app.route('/', compareDataRoutes()); // public data only: no session, cacheable
  app.use('*', sessionMiddleware);
  app.use('*', webBodyLimit(config)); // before anything parses a body (CSRF does)
  app.use('*', csrfMiddleware);
  app.route('/', homeRoutes());
  app.route('/', docRoutes());
  app.route('/', compareRoutes());
  app.route('/', authRoutes());
  app.route('/', planRoutes());
  app.route('/', pdfRoutes());
  app.route('/', downloadRoutes());
  app.route('/', importRoutes());
  app.route('/', mappedImportRoutes());
  app.route('/', readRoutes());
  app.route('/', entryRoutes());
  app.route('/', workflowRoutes());
  app.route('/', todoRoutes());
  app.route('/', historyRoutes());
  app.route('/', userRoutes());
  app.route('/', tokenRoutes());
  app.route('/', passwordRoutes());
  app.route('/', kpiRoutes());
  app.route('/', evaluationRoutes());
  app.route('/', analysisRoutes());
  app.route('/', dashboardRoutes());
  app.route('/', metricRoutes());

  app.notFound((c) => page(c, 'ページが見つかりません', <NotFound />, { status: 404 }));
  app.onError((error, c) => {
    if (error instanceof BodyTooLarge) return tooLargePage(c, error.limit);
    if (error instanceof SouseiError) {
      if (
        error.code === 'unauthenticated' ||
        (error.code === 'forbidden' && !c.get('actor') && error.messageKey === 'auth.forbidden')
      ) {
        // The whole address comes back after login, its query too (?fy=2021).
        const here = new URL(c.req.url);
        return c.redirect(urls.login(`${here.pathname}${here.search}`), 303);
      }
      if (error.code === 'not-found')
        return page(c, 'ページが見つかりません', <NotFound />, { status: 404 });
      const status = ERROR_STATUS[error.code].http;
      return page(
        c,
        status === 403 ? t('error-page.forbidden') : t('error-page.failed'),
        <ErrorPage
          status={status}
          message={t(error.messageKey, error.params)}
          actor={c.get('actor')}
          back={sameSiteBack(c.req.header('referer'), c.req.url)}
        />,
        { status },
      );
    }
    // Unknown errors never leak details to the browser; the reference finds them in the log.
    const ref = randomUUID().slice(0, 8);
    console.error(`[${ref}]`, error);
    return c.html(
      `<!doctype html><html lang="ja"><meta charset="utf-8"><title>エラー</title><p>${t('internal', { ref })}</p></html>`,
      500,
    );
  });
  const publicAnswer = async (view: RequestView) =>
    (await cache.answer(view)) ?? sessionPages.answer(view);
  return Object.assign(app, { publicAnswer });
}

function NotFound() {
  return (
    <>
      <h1>ページが見つかりません</h1>
      <p>
        アドレスを確かめてください。<a href="/">トップページへ</a>
      </p>
    </>
  );
}
