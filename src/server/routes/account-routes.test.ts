import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../app/auth/api-tokens.ts';
import { findUserByEmail, loadActor, setPassword } from '../../app/auth/users.ts';
import type { Actor } from '../../core/permissions.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { anonymous, createTestServer, DEMO, type TestServer } from '../test-server.ts';

/**
 * Accounts over HTTP on SQLite and PostgreSQL (issue 8): a new password or a disabled account
 * leaves no session and no API token working; people change their own password; an
 * administrator disables and enables accounts of their municipality, and is told what was done.
 */

const NEW_PASSWORD = 'a-brand-new-password-42';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`accounts over HTTP on ${dialect}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await createTestServer(dialect);
    });
    afterAll(() => server?.close());

    const passwordOf = (email: string) =>
      server.accounts.find((a) => a.email === email)?.password ?? '';
    async function actorOf(email: string): Promise<Actor> {
      const actor = await loadActor(server.ctx, (await findUserByEmail(server.ctx, email)).id);
      if (!actor) throw new Error(`no actor ${email}`);
      return actor;
    }
    const api = (secret: string) =>
      server.app.request('/api/v1/municipalities', {
        headers: { authorization: `Bearer ${secret}` },
      });
    async function tokenOf(email: string): Promise<string> {
      return (await createApiToken(server.ctx, await actorOf(email), 'script')).secret;
    }
    async function login(email: string, password: string): Promise<Response> {
      const anon = await anonymous(server);
      return anon.post('/login', { email, password, next: '/' });
    }
    const signedOut = (res: Response) =>
      res.status === 303 && (res.headers.get('location') ?? '').startsWith('/login');

    it('an API token stops working when the password is reset, as the sessions do', async () => {
      const secret = await tokenOf(DEMO.childcare);
      const session = await server.signIn(DEMO.childcare);
      expect((await api(secret)).status).toBe(200);
      const user = await findUserByEmail(server.ctx, DEMO.childcare);
      await setPassword(server.ctx, user.id, NEW_PASSWORD);
      expect((await api(secret)).status).toBe(401);
      expect(signedOut(await session.get('/account/tokens'))).toBe(true);
    });

    it('a signed-in person changes their own password: other sessions and tokens end', async () => {
      const email = DEMO.industry;
      const current = passwordOf(email);
      const me = await server.signIn(email);
      const elsewhere = await server.signIn(email);
      const secret = await tokenOf(email);

      const form = await me.get('/account/password');
      expect(form.status).toBe(200);
      const html = await form.text();
      expect(html).toContain('現在のパスワード');
      expect(html).toContain('autocomplete="new-password"');

      // Refusals name the field, keep every session and never echo what was typed.
      const refusals: [Record<string, string>, string][] = [
        [
          { current: 'wrong-password-xyz', password: NEW_PASSWORD, again: NEW_PASSWORD },
          '現在のパスワードが違います',
        ],
        [{ current, password: 'short', again: 'short' }, 'パスワードは12文字以上にしてください'],
        [
          { current, password: NEW_PASSWORD, again: `${NEW_PASSWORD}x` },
          '二回の入力が一致しません',
        ],
        [
          { current: '', password: NEW_PASSWORD, again: NEW_PASSWORD },
          '現在のパスワードを入力してください',
        ],
      ];
      for (const [typed, message] of refusals) {
        const res = await me.post('/account/password', typed);
        expect(res.status).toBe(422);
        const text = await res.text();
        expect(text).toContain(message);
        expect(text).toContain('field--error');
        for (const value of Object.values(typed).filter((v) => v !== '')) {
          expect(text).not.toContain(value);
        }
      }
      expect((await api(secret)).status).toBe(200);
      expect((await elsewhere.get('/account/tokens')).status).toBe(200);

      const done = await me.post('/account/password', {
        current,
        password: NEW_PASSWORD,
        again: NEW_PASSWORD,
      });
      expect(done.status).toBe(303);
      expect(done.headers.get('location')).toBe('/account/password?done=password-changed');
      // The person doing it stays signed in on a fresh session; the old one has ended.
      const fresh = (done.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(fresh).toMatch(/^sousei_session=/);
      expect(fresh).not.toBe(me.cookie);
      const after = await server.app.request('/account/password?done=password-changed', {
        headers: { cookie: fresh },
      });
      expect(after.status).toBe(200);
      expect(await after.text()).toContain('パスワードを変更しました');
      expect(signedOut(await me.get('/account/tokens'))).toBe(true);
      expect(signedOut(await elsewhere.get('/account/tokens'))).toBe(true);
      expect((await api(secret)).status).toBe(401);
      expect((await login(email, current)).status).toBe(401);
      expect((await login(email, NEW_PASSWORD)).status).toBe(303);
    });

    it('changing the password needs a session and the CSRF token', async () => {
      const anon = await anonymous(server);
      expect(signedOut(await anon.get('/account/password'))).toBe(true);
      const admin = await server.signIn(DEMO.admin);
      const forged = await server.app.request('/account/password', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookie },
        body: new URLSearchParams({
          current: passwordOf(DEMO.admin),
          password: NEW_PASSWORD,
          again: NEW_PASSWORD,
        }).toString(),
      });
      expect(forged.status).toBe(403);
      expect((await login(DEMO.admin, passwordOf(DEMO.admin))).status).toBe(303);
    });

    it('an administrator disables an account after confirming: it can no longer act', async () => {
      const admin = await server.signIn(DEMO.admin);
      const committee = await server.signIn(DEMO.committee);
      const secret = await tokenOf(DEMO.committee);
      const id = (await findUserByEmail(server.ctx, DEMO.committee)).id;
      const confirmPath = `/m/012050/users/${id}/disable`;

      const list = await (await admin.get('/m/012050/users')).text();
      expect(list).toContain(`href="${confirmPath}"`);
      const confirm = await admin.get(confirmPath);
      expect(confirm.status).toBe(200);
      const confirmHtml = await confirm.text();
      expect(confirmHtml).toContain(DEMO.committee);
      expect(confirmHtml).toContain(`action="${confirmPath}"`);
      // Looking at the confirmation changes nothing.
      expect((await api(secret)).status).toBe(200);

      const done = await admin.post(confirmPath, {});
      expect(done.status).toBe(303);
      const location = done.headers.get('location') ?? '';
      expect(location).toBe(`/m/012050/users?done=user-disabled&user=${id}`);
      const shown = await (await admin.get(location)).text();
      expect(shown).toContain(`${DEMO.committee} を無効にしました`);
      expect(shown).toContain('無効');

      expect(signedOut(await committee.get('/m/012050'))).toBe(false); // public page still opens
      expect(signedOut(await committee.get('/account/tokens'))).toBe(true);
      expect((await api(secret)).status).toBe(401);
      // The right password of a disabled account reads exactly as a wrong one.
      const refused = await login(DEMO.committee, passwordOf(DEMO.committee));
      const wrong = await login(DEMO.committee, 'not-the-password-at-all');
      expect(refused.status).toBe(401);
      expect(await refused.text()).toContain('メールアドレスまたはパスワードが違います');
      expect(wrong.status).toBe(401);

      // Enabled again: the password works again; the revoked token stays revoked.
      const enable = `/m/012050/users/${id}/enable`;
      expect((await admin.get(enable)).status).toBe(200);
      const back = await admin.post(enable, {});
      expect(back.headers.get('location')).toBe(`/m/012050/users?done=user-enabled&user=${id}`);
      expect(await (await admin.get(back.headers.get('location') ?? '')).text()).toContain(
        `${DEMO.committee} を有効に戻しました`,
      );
      expect((await login(DEMO.committee, passwordOf(DEMO.committee))).status).toBe(303);
      expect((await api(secret)).status).toBe(401);
    });

    it('an administrator cannot disable themself; others may not disable at all', async () => {
      const admin = await server.signIn(DEMO.admin);
      const adminId = (await findUserByEmail(server.ctx, DEMO.admin)).id;
      const self = await admin.post(`/m/012050/users/${adminId}/disable`, {});
      expect(self.status).toBe(422);
      expect(await self.text()).toContain('自分のアカウントは無効にできません');
      expect((await findUserByEmail(server.ctx, DEMO.admin)).disabled).toBe(false);
      expect((await admin.get('/m/012050/users')).status).toBe(200);
      const editor = await server.signIn(DEMO.childcare);
      expect((await editor.post(`/m/012050/users/${adminId}/disable`, {})).status).toBe(403);
      expect((await admin.post('/m/012050/users/999999/disable', {})).status).toBe(404);
      expect((await findUserByEmail(server.ctx, DEMO.admin)).disabled).toBe(false);
    });

    it('adding an account says so on the page after the redirect', async () => {
      const admin = await server.signIn(DEMO.admin);
      const added = await admin.post('/m/012050/users', {
        email: 'added@muroran.example',
        name: '追加 花子',
        role: 'committee',
        password: 'a-long-enough-password',
      });
      expect(added.status).toBe(303);
      const location = added.headers.get('location') ?? '';
      expect(location).toMatch(/^\/m\/012050\/users\?done=user-added&user=\d+$/);
      expect(await (await admin.get(location)).text()).toContain(
        'added@muroran.example を追加しました',
      );
      // A made-up `done` puts nothing on the page.
      const crafted = await (await admin.get('/m/012050/users?done=hacked')).text();
      expect(crafted).not.toContain('role="status"');
    });
  });
}
