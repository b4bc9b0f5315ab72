import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  type ApiTokenSummary,
  type CreatedApiToken,
  createApiToken,
  listApiTokens,
  MAX_TOKEN_NAME,
  revokeApiToken,
} from '../../app/auth/api-tokens.ts';
import { requireActor } from '../../app/auth/require-actor.ts';
import { SouseiError } from '../../core/errors.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import { isAdmin } from '../../core/permissions.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { field, formBody } from '../form-body.ts';
import { Csrf, page } from '../render.tsx';
import { urls } from '../urls.ts';
import { ScrollBox } from '../views/scroll-box.tsx';

const when = (iso: string | null) =>
  iso === null
    ? NO_VALUE_MARK
    : new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', hour12: false });

function TokenTable(props: {
  caption: string;
  tokens: ApiTokenSummary[];
  showOwner: boolean;
  csrf: string;
}) {
  if (props.tokens.length === 0) return <p>{props.caption}: まだありません。</p>;
  return (
    <ScrollBox label={props.caption}>
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">名前</th>
            {props.showOwner ? <th scope="col">利用者</th> : null}
            <th scope="col">作成</th>
            <th scope="col">最後の使用</th>
            <th scope="col">状態</th>
          </tr>
        </thead>
        <tbody>
          {props.tokens.map((tk) => (
            <tr>
              <td>{tk.name}</td>
              {props.showOwner ? (
                <td>
                  {tk.userName}（{tk.userEmail}）
                </td>
              ) : null}
              <td>{when(tk.createdAt)}</td>
              <td>{when(tk.lastUsedAt)}</td>
              <td>
                {tk.revokedAt ? (
                  <>失効（{when(tk.revokedAt)}）</>
                ) : (
                  <form method="post" action={urls.account('tokens')} class="inline-form">
                    <Csrf token={props.csrf} />
                    <input type="hidden" name="action" value="revoke" />
                    <input type="hidden" name="id" value={String(tk.id)} />
                    <button type="submit" class="button button--danger">
                      「{tk.name}」を失効させる
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

async function render(
  c: Context<ServerEnv>,
  state: { created?: CreatedApiToken; error?: string; name?: string; revoked?: boolean },
) {
  const actor = requireActor(c.get('actor'));
  const ctx = c.get('app');
  const admin = isAdmin(actor, actor.municipalityCode);
  const all = await listApiTokens(ctx, actor, { everyone: admin });
  const own = all.filter((tk) => tk.userId === actor.userId);
  const others = all.filter((tk) => tk.userId !== actor.userId);
  const municipality = await ctx.store.municipalities.find(actor.municipalityCode);
  const csrf = c.get('csrfToken');
  const response = await page(
    c,
    'API トークン',
    <>
      <h1>API トークン</h1>
      <p class="lead">
        スクリプトから <a href="/api/docs">API</a>{' '}
        を使うための鍵です。トークンはあなたと同じ権限で読み書きします。
        <code>Authorization: Bearer トークン</code> の形で送ってください。
      </p>
      {state.created ? (
        <div class="notice" role="status">
          <h2>トークン「{state.created.name}」を作りました</h2>
          <p>
            この値は <strong>今だけ</strong>{' '}
            表示されます。安全な場所に控えてください（保存されるのは照合用のハッシュだけです）。
          </p>
          <p>
            <code id="new-token">{state.created.secret}</code>
          </p>
        </div>
      ) : null}
      {state.revoked ? (
        <div class="notice" role="status">
          トークンを失効させました。
        </div>
      ) : null}
      <h2>トークンを作る</h2>
      {state.error ? (
        <div class="error-summary" role="alert">
          <h2>作れませんでした</h2>
          <p>{state.error}</p>
        </div>
      ) : null}
      <form method="post" action={urls.account('tokens')} novalidate>
        <Csrf token={csrf} />
        <input type="hidden" name="action" value="create" />
        <div class={state.error ? 'field field--error' : 'field'}>
          <label for="token-name">名前（用途が分かるように。{MAX_TOKEN_NAME}文字まで）</label>
          <input
            id="token-name"
            name="name"
            type="text"
            value={state.name ?? ''}
            maxlength={MAX_TOKEN_NAME}
            autocomplete="off"
          />
        </div>
        <button type="submit" class="button">
          作る
        </button>
      </form>
      <h2>あなたのトークン</h2>
      <TokenTable caption="あなたのトークン" tokens={own} showOwner={false} csrf={csrf} />
      {admin ? (
        <>
          <h2>団体のほかの利用者のトークン</h2>
          <TokenTable
            caption="ほかの利用者のトークン（管理者は失効させられます）"
            tokens={others}
            showOwner={true}
            csrf={csrf}
          />
        </>
      ) : null}
    </>,
    { municipality: municipality ?? null, status: state.error ? 422 : 200 },
  );
  // A page that shows a secret is never stored by the browser or on the way.
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** The signed-in person's API tokens: create (the secret shown once), list, revoke. */
export function tokenRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/account/tokens', (c) => render(c, { revoked: c.req.query('revoked') === '1' }));
  app.post('/account/tokens', async (c) => {
    const actor = requireActor(c.get('actor'));
    const body = await formBody(c);
    const action = field(body, 'action');
    if (action === 'revoke') {
      const id = field(body, 'id');
      if (!/^\d{1,12}$/.test(id)) throw new SouseiError('not-found', 'token.not-found');
      await revokeApiToken(c.get('app'), actor, Number(id));
      return c.redirect(urls.account('tokens', { revoked: 1 }), 303);
    }
    if (action !== 'create') throw new SouseiError('usage', 'form.stale');
    const name = field(body, 'name');
    try {
      const created = await createApiToken(c.get('app'), actor, name);
      return render(c, { created });
    } catch (error) {
      if (!(error instanceof SouseiError) || error.code !== 'usage') throw error;
      return render(c, { error: t(error.messageKey, error.params), name });
    }
  });
  return app;
}
