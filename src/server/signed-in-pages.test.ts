import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../app/app-context.ts';
import { setUserDisabledByOperator } from '../app/auth/set-user-disabled.ts';
import { findUserByEmail } from '../app/auth/users.ts';
import { DIALECTS, dialectAvailable } from '../store/test-databases.ts';
import { listening } from '../store/write-notices-test-support.ts';
import { anonymous, createTestServer, DEMO, type TestServer } from './test-server.ts';

/**
 * Signed-in pages reuse the session look-up (until a write) and the plan tree's body (per
 * content version and kind of reader): neither may show one person's page to another, nor
 * outlive a sign-out or a disabled account, even one disabled by another process.
 */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`signed-in pages on ${dialect}`, () => {
    let server: TestServer;
    let tree: string;
    beforeAll(async () => {
      server = await createTestServer(dialect);
      tree = `/m/012050/plans/${server.planId}`;
    }, 60_000);
    afterAll(() => server?.close());

    const html = async (response: Promise<Response>) => {
      const r = await response;
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toContain('no-store');
      return r.text();
    };

    it('each reader gets their own header, token and view of the same plan tree', async () => {
      const admin = await server.signIn(DEMO.admin);
      const industry = await server.signIn(DEMO.industry);
      const childcare = await server.signIn(DEMO.childcare);
      const open = `${tree}?fy=2021`; // R3: open, members only
      for (let round = 0; round < 2; round++) {
        const pages = {
          admin: await html(admin.get(open)),
          industry: await html(industry.get(open)),
          childcare: await html(childcare.get(open)),
        };
        expect(pages.admin).toContain('企画 太郎');
        expect(pages.industry).toContain('産業 花子');
        expect(pages.childcare).toContain('子育 次郎');
        expect(pages.childcare).not.toContain('産業 花子');
        for (const [who, s] of [
          ['admin', admin],
          ['industry', industry],
          ['childcare', childcare],
        ] as const) {
          expect(pages[who]).toContain(s.csrf);
          for (const other of [admin, industry, childcare]) {
            if (other !== s) expect(pages[who]).not.toContain(other.csrf);
          }
          expect(pages[who]).toContain('入力状況'); // the members' columns
        }
      }
      const visitor = await anonymous(server);
      expect((await visitor.get(open)).status).toBe(404);
      const published = await visitor.get(`${tree}?fy=2020`);
      expect(published.status).toBe(200);
      const text = await published.text();
      expect(text).not.toContain('入力状況');
      expect(text).not.toContain('企画 太郎');
    });

    it('a kept page is answered before the app only for its own session, until a write', async () => {
      const admin = await server.signIn(DEMO.admin);
      const committee = await server.signIn(DEMO.committee);
      const view = (cookie: string) => ({ method: 'GET', url: tree, cookie });
      // PostgreSQL: pages are kept once the write-notice listener listens.
      if (dialect === 'postgres') await listening(server.ctx.store);
      expect(await server.app.publicAnswer(view(admin.cookie))).toBeNull(); // not rendered yet
      const rendered = await html(admin.get(tree));
      const kept = await server.app.publicAnswer(view(admin.cookie));
      expect(Buffer.from(kept?.body ?? []).toString('utf8')).toBe(rendered);
      expect(kept?.headers['cache-control']).toContain('no-store');
      expect(await server.app.publicAnswer(view(committee.cookie))).toBeNull();
      expect(await server.app.publicAnswer(view(`${admin.cookie}x`))).toBeNull();
      expect(await server.app.publicAnswer({ ...view(admin.cookie), method: 'POST' })).toBeNull();
      await server.signIn(DEMO.industry); // any write: a new session
      expect(await server.app.publicAnswer(view(admin.cookie))).toBeNull();
    });

    it('a session that expires with nothing written is signed out all the same', async () => {
      const committee = await server.signIn(DEMO.committee);
      expect(await html(committee.get(tree))).toContain('委員 三郎');
      const realNow = server.ctx.now;
      server.ctx.now = () => new Date(Date.now() + 400 * 24 * 3600_000).toISOString();
      try {
        const view = { method: 'GET', url: tree, cookie: committee.cookie };
        expect(await server.app.publicAnswer(view)).toBeNull();
        expect(await (await committee.get(tree)).text()).not.toContain('委員 三郎');
      } finally {
        server.ctx.now = realNow;
      }
    });

    it('a sign-out ends the session on the very next page', async () => {
      const industry = await server.signIn(DEMO.industry);
      expect(await html(industry.get(tree))).toContain('産業 花子');
      expect((await industry.post('/logout', {})).status).toBe(303);
      const after = await industry.get(tree);
      expect(await after.text()).not.toContain('産業 花子');
    });

    it('an account disabled by another process is signed out on the next page', async () => {
      const childcare = await server.signIn(DEMO.childcare);
      expect(await html(childcare.get(tree))).toContain('子育 次郎');
      if (dialect === 'postgres') await listening(server.ctx.store);
      const other = await openAppContext(server.databaseUrl);
      const account = await findUserByEmail(server.ctx, DEMO.childcare);
      try {
        await setUserDisabledByOperator(other, account, true);
      } finally {
        await other.store.close();
      }
      const after = await childcare.get(tree);
      expect(await after.text()).not.toContain('子育 次郎');
      const open = await childcare.get(`${tree}?fy=2021`);
      expect(open.status).toBe(404);
      await setUserDisabledByOperator(server.ctx, account, false);
    });
  });
}
