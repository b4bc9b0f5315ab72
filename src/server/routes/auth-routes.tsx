import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { deleteSession, login } from '../../app/auth/sessions.ts';
import { SouseiError } from '../../core/errors.ts';
import { t } from '../../i18n/translate.ts';
import { clientAddress } from '../client-address.ts';
import type { ServerEnv } from '../env.ts';
import { field, formBody } from '../form-body.ts';
import { SESSION_COOKIE, startSession } from '../middleware/session.ts';
import { Csrf, page } from '../render.tsx';
import { urls } from '../urls.ts';

function LoginForm(props: { csrf: string; email: string; error: string | null; next: string }) {
  return (
    <>
      <h1>ログイン</h1>
      {/* Sent here from a page that needs signing in (the redirect names it in ?next=). */}
      {props.next !== '/' && !props.error ? (
        <p class="notice" role="status">
          {t('login.needed')}
        </p>
      ) : null}
      {props.error ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>ログインできませんでした</h2>
          <p>{props.error}</p>
        </div>
      ) : null}
      <form method="post" action={urls.login()} novalidate>
        <Csrf token={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <div class="field">
          <label for="email">メールアドレス</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            value={props.email}
            required
          />
        </div>
        <div class="field">
          <label for="password">パスワード</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
        </div>
        <button type="submit" class="button">
          ログイン
        </button>
      </form>
    </>
  );
}

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(next: string): string {
  return /^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/';
}

export function authRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/login', (c) =>
    page(
      c,
      'ログイン',
      <LoginForm
        csrf={c.get('csrfToken')}
        email=""
        error={null}
        next={safeNext(c.req.query('next') ?? '/')}
      />,
    ),
  );
  app.post('/login', async (c) => {
    const body = await formBody(c);
    const email = field(body, 'email');
    const next = safeNext(field(body, 'next'));
    try {
      const user = await login(c.get('app'), {
        email,
        password: field(body, 'password'),
        address: clientAddress(c),
      });
      await startSession(c, user);
      // The front page sends a member on to where their work is (landingFor).
      return c.redirect(next, 303);
    } catch (error) {
      if (
        !(error instanceof SouseiError) ||
        !['unauthenticated', 'rate-limited'].includes(error.code)
      )
        throw error;
      const status = error.code === 'rate-limited' ? 429 : 401;
      return page(
        c,
        'ログイン',
        <LoginForm
          csrf={c.get('csrfToken')}
          email={email}
          error={t(error.messageKey, error.params)}
          next={next}
        />,
        {
          status,
        },
      );
    }
  });
  app.post('/logout', async (c) => {
    const token = c.get('sessionToken');
    if (token) await deleteSession(c.get('app'), token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect(urls.home(), 303);
  });
  return app;
}
