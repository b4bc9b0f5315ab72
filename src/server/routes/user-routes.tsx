import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireAdmin } from '../../app/auth/require-actor.ts';
import { setUserDisabled } from '../../app/auth/set-user-disabled.ts';
import { createUser, listUsers } from '../../app/auth/users.ts';
import { SouseiError } from '../../core/errors.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import { ROLES } from '../../core/permissions.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { type FormBody, field, formBody } from '../form-body.ts';
import { codeParam } from '../params.ts';
import { Csrf, page, ROLE_LABELS } from '../render.tsx';
import { urls } from '../urls.ts';
import { DoneNotice } from '../views/done-notice.tsx';
import { ScrollBox } from '../views/scroll-box.tsx';

interface Typed {
  email: string;
  name: string;
  role: string;
  departments: string[];
}

function all(body: FormBody, name: string): string[] {
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string' && x.trim() !== '',
  );
}

async function render(c: Context<ServerEnv>, typed: Typed, error: string | null) {
  const code = codeParam(c);
  const actor = requireAdmin(c.get('actor'), code);
  const ctx = c.get('app');
  const users = await listUsers(ctx, code);
  const departments = await ctx.store.departments.list(code);
  const municipality = await ctx.store.municipalities.find(code);
  if (!municipality) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  return page(
    c,
    '利用者',
    <>
      <h1>利用者</h1>
      <DoneNotice
        done={c.req.query('done')}
        params={{ email: users.find((u) => String(u.id) === c.req.query('user'))?.email }}
      />
      <ScrollBox label={t('layout.box.users', { municipality: municipality.name })}>
        <table>
          <caption>{municipality.name} の利用者</caption>
          <thead>
            <tr>
              <th scope="col">名前</th>
              <th scope="col">メールアドレス</th>
              <th scope="col">役割</th>
              <th scope="col">担当課</th>
              <th scope="col">状態</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{u.departments.join('、') || NO_VALUE_MARK}</td>
                <td>
                  {u.disabled ? '無効' : '有効'}
                  {u.id === actor.userId ? null : (
                    <>
                      {' '}
                      <a
                        href={urls.municipalityPage(
                          code,
                          `users/${u.id}/${u.disabled ? 'enable' : 'disable'}`,
                        )}
                      >
                        {u.disabled ? `${u.name}を有効に戻す` : `${u.name}を無効にする`}
                      </a>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <h2>利用者を追加</h2>
      {error ? (
        <div class="error-summary" role="alert">
          <h2>追加できませんでした</h2>
          <p>{error}</p>
        </div>
      ) : null}
      <form method="post" action={urls.municipalityPage(code, 'users')} novalidate>
        <Csrf token={c.get('csrfToken')} />
        <div class="field">
          <label for="email">メールアドレス</label>
          <input id="email" name="email" type="email" value={typed.email} autocomplete="off" />
        </div>
        <div class="field">
          <label for="name">名前</label>
          <input id="name" name="name" type="text" value={typed.name} />
        </div>
        <div class="field">
          <label for="role">役割</label>
          <select id="role" name="role">
            {ROLES.map((r) => (
              <option value={r} selected={r === typed.role}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="field">
          <legend>担当課（担当課の役割のとき）</legend>
          {departments.map((d) => (
            <label>
              <input
                type="checkbox"
                name="departments"
                value={d.name}
                checked={typed.departments.includes(d.name)}
              />{' '}
              {d.name}
            </label>
          ))}
          <label for="new_department">新しい担当課</label>
          <input id="new_department" name="departments" type="text" />
        </fieldset>
        <div class="field">
          <label for="password">初期パスワード（12文字以上）</label>
          <span class="hint">本人に安全な方法で伝え、変更してもらってください。</span>
          <input id="password" name="password" type="password" autocomplete="new-password" />
        </div>
        <button type="submit" class="button">
          追加
        </button>
      </form>
    </>,
    { municipality, status: error ? 422 : 200 },
  );
}

/** The confirmation step before an account is disabled or enabled again. */
async function renderConfirm(c: Context<ServerEnv>, error: string | null) {
  const code = codeParam(c);
  requireAdmin(c.get('actor'), code);
  const ctx = c.get('app');
  const id = Number(c.req.param('id'));
  const disable = c.req.param('action') === 'disable';
  const user = (await listUsers(ctx, code)).find((u) => u.id === id);
  if (!user) throw new SouseiError('not-found', 'user.not-found', { email: String(id) });
  const municipality = await ctx.store.municipalities.find(code);
  const verb = disable ? '無効にする' : '有効に戻す';
  const path = urls.municipalityPage(code, `users/${id}/${disable ? 'disable' : 'enable'}`);
  return page(
    c,
    `利用者を${verb}`,
    <>
      <h1>
        {user.name}（{user.email}）を{verb}
      </h1>
      {error ? (
        <div class="error-summary" role="alert">
          <h2>{verb}ことができませんでした</h2>
          <p>{error}</p>
        </div>
      ) : null}
      {disable ? (
        <p>
          無効にすると、この利用者はログインできなくなり、今のログインと API
          トークンはすべてすぐに使えなくなります。記録した内容と履歴は残ります。後で有効に戻せます。
        </p>
      ) : (
        <p>
          有効に戻すと、この利用者は今のパスワードでまたログインできます。失効した API
          トークンは戻りません。
        </p>
      )}
      <form method="post" action={path}>
        <Csrf token={c.get('csrfToken')} />
        <button type="submit" class={disable ? 'button button--danger' : 'button'}>
          {verb}
        </button>{' '}
        <a href={urls.municipalityPage(code, 'users')}>やめて利用者の一覧に戻る</a>
      </form>
    </>,
    { municipality: municipality ?? null, status: error ? 422 : 200 },
  );
}

/** Account management for the municipality's administrators. */
export function userRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const guard = (c: Context<ServerEnv>) => requireAdmin(c.get('actor'), codeParam(c));
  app.get('/m/:code/users', (c) => {
    guard(c);
    return render(c, { email: '', name: '', role: 'editor', departments: [] }, null);
  });
  app.post('/m/:code/users', async (c) => {
    guard(c);
    const code = codeParam(c);
    const body = await formBody(c);
    const typed: Typed = {
      email: field(body, 'email'),
      name: field(body, 'name'),
      role: field(body, 'role'),
      departments: all(body, 'departments').map((d) => d.trim()),
    };
    let id: number;
    try {
      id = await createUser(c.get('app'), {
        municipalityCode: code,
        email: typed.email,
        name: typed.name,
        role: typed.role,
        password: field(body, 'password'),
        departments: typed.role === 'editor' ? typed.departments : [],
      });
    } catch (error) {
      if (!(error instanceof SouseiError) || !['usage', 'conflict'].includes(error.code))
        throw error;
      return render(c, typed, t(error.messageKey, error.params));
    }
    return c.redirect(urls.municipalityPage(code, 'users', { done: 'user-added', user: id }), 303);
  });
  app.get('/m/:code/users/:id{[0-9]+}/:action{disable|enable}', (c) => {
    guard(c);
    return renderConfirm(c, null);
  });
  app.post('/m/:code/users/:id{[0-9]+}/:action{disable|enable}', async (c) => {
    const code = codeParam(c);
    const id = Number(c.req.param('id'));
    const disable = c.req.param('action') === 'disable';
    try {
      await setUserDisabled(
        c.get('app'),
        c.get('actor'),
        { municipalityCode: code, userId: id },
        disable,
      );
    } catch (error) {
      if (!(error instanceof SouseiError) || error.code !== 'usage') throw error;
      return renderConfirm(c, t(error.messageKey, error.params));
    }
    const done = disable ? 'user-disabled' : 'user-enabled';
    return c.redirect(urls.municipalityPage(code, 'users', { done, user: id }), 303);
  });
  return app;
}
