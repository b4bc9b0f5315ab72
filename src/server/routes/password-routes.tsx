import type { Context } from 'hono';
import { Hono } from 'hono';
import { changeOwnPassword, PasswordChangeRefused } from '../../app/auth/change-own-password.ts';
import { requireActor } from '../../app/auth/require-actor.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { field, formBody } from '../form-body.ts';
import { startSession } from '../middleware/session.ts';
import { Csrf, page } from '../render.tsx';
import { urls } from '../urls.ts';
import { DoneNotice } from '../views/done-notice.tsx';

interface Refusal {
  field: 'current' | 'password' | 'again';
  message: string;
}

const LABELS = {
  current: '現在のパスワード',
  password: '新しいパスワード（12文字以上）',
  again: '新しいパスワード（確認のためもう一度）',
} as const;
const AUTOCOMPLETE = {
  current: 'current-password',
  password: 'new-password',
  again: 'new-password',
};

function PasswordField(props: { name: Refusal['field']; refusal: Refusal | null }) {
  const wrong = props.refusal?.field === props.name;
  const id = `pw-${props.name}`;
  return (
    <div class={wrong ? 'field field--error' : 'field'}>
      <label for={id}>{LABELS[props.name]}</label>
      {wrong ? (
        <p class="error-message" id={`${id}-error`}>
          {props.refusal?.message}
        </p>
      ) : null}
      <input
        id={id}
        name={props.name}
        type="password"
        autocomplete={AUTOCOMPLETE[props.name]}
        aria-invalid={wrong ? 'true' : undefined}
        aria-describedby={wrong ? `${id}-error` : undefined}
      />
    </div>
  );
}

/** The form; a refused one names the field and says why, and never echoes a password. */
async function render(c: Context<ServerEnv>, refusal: Refusal | null) {
  const actor = requireActor(c.get('actor'));
  const municipality = await c.get('app').store.municipalities.find(actor.municipalityCode);
  const response = await page(
    c,
    'パスワードの変更',
    <>
      <h1>パスワードの変更</h1>
      <DoneNotice done={c.req.query('done')} />
      <p class="lead">
        変更すると、ほかの端末でのログインと、あなたの API トークンはすべて無効になります。
      </p>
      {refusal ? (
        <div class="error-summary" role="alert">
          <h2>変更できませんでした</h2>
          <p>
            <a href={`#pw-${refusal.field}`}>{refusal.message}</a>
          </p>
        </div>
      ) : null}
      <form method="post" action={urls.account('password')} novalidate>
        <Csrf token={c.get('csrfToken')} />
        <PasswordField name="current" refusal={refusal} />
        <PasswordField name="password" refusal={refusal} />
        <PasswordField name="again" refusal={refusal} />
        <button type="submit" class="button">
          変更する
        </button>
      </form>
    </>,
    { municipality: municipality ?? null, status: refusal ? 422 : 200 },
  );
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** `/account/password`: anyone signed in changes their own password. */
export function passwordRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/account/password', (c) => render(c, null));
  app.post('/account/password', async (c) => {
    const actor = requireActor(c.get('actor'));
    const body = await formBody(c);
    const ctx = c.get('app');
    try {
      await changeOwnPassword(ctx, actor, {
        current: field(body, 'current'),
        password: field(body, 'password'),
        again: field(body, 'again'),
      });
    } catch (error) {
      if (!(error instanceof PasswordChangeRefused)) throw error;
      return render(c, { field: error.field, message: t(error.messageKey, error.params) });
    }
    // Every session ended with the change, this one too: the person doing it stays signed in
    // on a fresh one.
    await startSession(c, actor);
    return c.redirect(urls.account('password', { done: 'password-changed' }), 303);
  });
  return app;
}
