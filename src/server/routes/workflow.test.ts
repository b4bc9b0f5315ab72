import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from '../../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { anonymous, createTestServer, DEMO, type TestServer } from '../test-server.ts';

/** A whole fiscal year's cycle over HTTP, on SQLite and PostgreSQL. */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`the yearly cycle over HTTP on ${dialect}`, () => {
    let server: TestServer;
    let base: string;
    let p1: number;
    let p11: number;
    beforeAll(async () => {
      server = await createTestServer(dialect);
      base = `/m/012050/plans/${server.planId}`;
      const rows = await databaseOf(server.ctx.store)
        .selectFrom('projects')
        .select(['id', 'no'])
        .execute();
      p1 = rows.find((r) => r.no === '1')?.id ?? -1;
      p11 = rows.find((r) => r.no === '11')?.id ?? -1;
    });
    afterAll(() => server?.close());

    it('the public sees the published R2 but not the open R3', async () => {
      const pub = await anonymous(server);
      const r2 = await pub.get(`${base}?fy=2020`);
      expect(r2.status).toBe(200);
      const html = await r2.text();
      expect(html).toContain('70,090');
      expect(html).not.toContain('入力状況');
      expect((await pub.get(`${base}?fy=2021`)).status).toBe(404);
      expect((await pub.get(`${base}/years`)).status).toBe(303);
    });

    it('an editor enters R3 figures for their project; errors keep what was typed', async () => {
      const editor = await server.signIn(DEMO.industry);
      const form = await editor.get(`${base}/projects/${p1}/edit?fy=2021`);
      expect(form.status).toBe(200);
      const html = await form.text();
      const version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
      const fields = {
        version,
        a_count: '6',
        ...Object.fromEntries([0, 1, 2, 3, 4, 5].map((i) => [`a${i}_e_count`, '0'])),
      };
      const bad = await editor.post(`${base}/projects/${p1}/edit?fy=2021`, {
        ...fields,
        budget: '４００千円x',
        settlement: '３８０',
        a0_new_kind: 'result',
        a0_new_text: 'R3 相談 52件',
      });
      expect(bad.status).toBe(422);
      const badHtml = await bad.text();
      expect(badHtml).toContain('金額として読めません');
      expect(badHtml).toContain('value="４００千円x"');
      expect(badHtml).toContain('R3 相談 52件');

      const ok = await editor.post(`${base}/projects/${p1}/edit?fy=2021`, {
        ...fields,
        budget: '４００',
        settlement: '３８０',
        a0_new_kind: 'result',
        a0_new_text: '相談 52件',
      });
      expect(ok.status).toBe(303);
      const finance = await databaseOf(server.ctx.store)
        .selectFrom('project_finances')
        .selectAll()
        .where('project_id', '=', p1)
        .where('fiscal_year', '=', 2021)
        .executeTakeFirstOrThrow();
      expect([finance.budget, finance.settlement]).toEqual([400_000, 380_000]);
      const page = await (await editor.get(`${base}/projects/${p1}/edit?fy=2021`)).text();
      expect(page).toContain('相談 52件');
      expect(page).toContain('value="400"');
    });

    it("an editor is refused another department's project", async () => {
      const editor = await server.signIn(DEMO.industry);
      expect((await editor.get(`${base}/projects/${p11}/edit?fy=2021`)).status).toBe(403);
      const post = await editor.post(`${base}/projects/${p11}/edit?fy=2021`, {
        version: '1',
        a_count: '0',
        budget: '1',
        settlement: '1',
      });
      expect(post.status).toBe(403);
      expect(
        await databaseOf(server.ctx.store)
          .selectFrom('project_finances')
          .select('project_id')
          .where('project_id', '=', p11)
          .where('fiscal_year', '=', 2021)
          .execute(),
      ).toEqual([]);
    });

    it('a second save from an older form is refused and shows the other change', async () => {
      const editor = await server.signIn(DEMO.industry);
      const admin = await server.signIn(DEMO.admin);
      const html = await (await editor.get(`${base}/projects/${p1}/edit?fy=2021`)).text();
      const version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
      const form = {
        version,
        a_count: '6',
        ...Object.fromEntries(
          [0, 1, 2, 3, 4, 5].map((i) => [`a${i}_e_count`, i === 0 ? '1' : '0']),
        ),
        a0_e0_kind: 'result',
        a0_e0_text: '相談 52件',
      };
      expect(
        (
          await admin.post(`${base}/projects/${p1}/edit?fy=2021`, {
            ...form,
            budget: '410',
            settlement: '380',
          })
        ).status,
      ).toBe(303);
      const late = await editor.post(`${base}/projects/${p1}/edit?fy=2021`, {
        ...form,
        budget: '999',
        settlement: '380',
      });
      expect(late.status).toBe(409);
      const text = await late.text();
      expect(text).toContain('ほかの人が先に保存しました');
      expect(text).toContain('企画 太郎');
      expect(text).toContain('予算 410');
      expect(text).toContain('value="999"');
    });

    it('a form without the CSRF token is refused', async () => {
      const editor = await server.signIn(DEMO.industry);
      const r = await server.app.request(`${base}/projects/${p1}/edit?fy=2021`, {
        method: 'POST',
        headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'version=1&a_count=0&budget=1&settlement=1',
      });
      expect(r.status).toBe(403);
    });

    it('submit, accept, lock and publish; then the public sees R3', async () => {
      const editor = await server.signIn(DEMO.industry);
      const admin = await server.signIn(DEMO.admin);
      expect(
        (await editor.post(`${base}/projects/${p1}/status`, { fy: '2021', action: 'submit' }))
          .status,
      ).toBe(303);
      // Editors cannot accept or run the year.
      expect(
        (await editor.post(`${base}/projects/${p1}/status`, { fy: '2021', action: 'accept' }))
          .status,
      ).toBe(403);
      expect((await editor.post(`${base}/years/2021`, { action: 'lock' })).status).toBe(403);
      const years = await (await admin.get(`${base}/years?fy=2021`)).text();
      expect(years).toContain('入力完了');
      expect(
        (
          await admin.post(`${base}/projects/${p1}/status`, {
            fy: '2021',
            action: 'accept',
            back: 'years',
          })
        ).status,
      ).toBe(303);
      // Issue 8: each step is confirmed, and closing with unfinished projects needs a reason.
      const lock = { action: 'lock', confirmed: '1', override: '他の事業は次回に持ち越し' };
      expect((await admin.post(`${base}/years/2021`, lock)).status).toBe(303);
      // Locked: read-only for everybody, administrators included; the refusal says why.
      const locked = await admin.get(`${base}/projects/${p11}/edit?fy=2021`);
      expect(locked.status).toBe(409);
      expect(await locked.text()).toContain('締め切り');
      const publish = { action: 'publish', confirmed: '1', override: '速報として公表' };
      expect((await admin.post(`${base}/years/2021`, publish)).status).toBe(303);
      const pub = await anonymous(server);
      const r3 = await pub.get(`${base}?fy=2021`);
      expect(r3.status).toBe(200);
      expect(await r3.text()).toContain('410');
      const history = await (await admin.get(`${base}/history`)).text();
      expect(history).toContain('公表済み');
      expect(history).toContain('入力完了');
    });
  });
}
