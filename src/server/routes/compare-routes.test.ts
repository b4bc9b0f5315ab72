import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from '../../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { anonymous, createTestServer, DEMO, type TestServer } from '../test-server.ts';

/** The public comparison page, its CSV and the API on the demo: R2 published, R3 open. */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`the compare pages (${dialect})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await createTestServer(dialect);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('is linked from the landing page and answers without a session, cacheable', async () => {
      const home = await (await server.app.request('/')).text();
      expect(home).toContain('href="/compare"');
      // Its only form is a GET one: even the first visit sets no CSRF cookie, so it is cacheable.
      const first = await server.app.request('/compare?by=goal');
      expect(first.headers.get('set-cookie')).toBeNull();
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      const r = await (await anonymous(server)).get('/compare');
      expect(r.status).toBe(200);
      expect(r.headers.get('set-cookie')).toBeNull();
      expect(r.headers.get('cache-control')).toBe('public, max-age=60');
      const html = await r.text();
      expect(html).toContain(
        '<caption id="compare-caption">令和2年度 (R2) の団体別の集計（1 行）</caption>',
      );
      expect(html).toContain('<th scope="row">室蘭市</th>');
      expect(html).toContain('<th scope="col" class="num">予算（円）</th>');
      expect(html).toContain('<form method="get" action="/compare"');
      expect(html).toContain('href="/compare.csv?fiscalYear=2020&amp;bom=1"');
      expect(html).toContain('<option value="13">13 東京都</option>');
    });

    it('escapes what the municipality wrote (a plan title with markup)', async () => {
      const db = databaseOf(server.ctx.store);
      const plan = await db
        .selectFrom('plans')
        .select('title')
        .where('id', '=', server.planId)
        .executeTakeFirstOrThrow();
      const title = '<script>alert("x")</script> & 総合戦略';
      await db.updateTable('plans').set({ title }).where('id', '=', server.planId).execute();
      try {
        for (const path of ['/compare', '/compare?by=goal']) {
          const html = await (await server.app.request(path)).text();
          expect(html).toContain(
            '<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 総合戦略</td>',
          );
          expect(html).not.toContain('<script>alert');
        }
      } finally {
        await db
          .updateTable('plans')
          .set({ title: plan.title })
          .where('id', '=', server.planId)
          .execute();
      }
    });

    it('is private for a signed-in reader', async () => {
      const admin = await server.signIn(DEMO.admin);
      const r = await admin.get('/compare');
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toBe('no-store');
    });

    it('downloads the same rows as CSV, with a BOM when asked', async () => {
      const r = await server.app.request('/compare.csv?fiscalYear=R2&bom=1');
      expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(r.headers.get('set-cookie')).toBeNull();
      expect(r.headers.get('cache-control')).toBe('public, max-age=60');
      expect(r.headers.get('content-disposition')).toBe('attachment; filename="compare-2020.csv"');
      const csv = await r.text();
      // Response.text() strips a leading BOM; the bytes keep it.
      const bytes = new Uint8Array(
        await (await server.app.request('/compare.csv?bom=1')).arrayBuffer(),
      );
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toMatch(
        /^全国地方公共団体コード,団体名,都道府県,団体の区分,計画名,年度,年度（和暦）,/,
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/^012050,室蘭市,北海道,市,.*,2020,令和2年度,/);
    });

    it('never shows the open year, and a withdrawn year disappears', async () => {
      const open = await (await server.app.request('/compare?fiscalYear=R3')).text();
      expect(open).toContain('条件に合う公表済みのデータはまだありません。');
      expect(open).not.toContain('令和3年度 (R3)</th>');
      const csv = await (await server.app.request('/compare.csv?fiscalYear=2021')).text();
      expect(csv.trimEnd().split('\r\n')).toHaveLength(1);
      const [admin] = await server.ctx.store.users.list('012050');
      await server.ctx.store.years.transition({
        municipalityCode: '012050',
        planId: server.planId,
        fiscalYear: 2020,
        action: 'unpublish',
        reason: null,
        userId: admin?.id ?? 0,
        at: server.ctx.now(),
      });
      const after = await (await server.app.request('/compare')).text();
      expect(after).not.toContain('室蘭市</th>');
      expect(after).toContain('条件に合う公表済みのデータはまだありません。');
      const api = await (await server.app.request('/api/v1/compare')).json();
      expect(api).toMatchObject({ fiscalYear: null, rows: [], totals: [] });
    });

    it('refuses a filter it cannot read with 400', async () => {
      expect((await server.app.request('/compare?prefecture=99')).status).toBe(400);
      const csv = await server.app.request('/compare.csv?kind=metropolis');
      expect(csv.status).toBe(400);
      expect(await csv.text()).toContain('団体の区分として読めません');
      const api = await server.app.request('/api/v1/compare?kind=metropolis');
      expect(api.status).toBe(400);
      expect(await api.json()).toMatchObject({ error: { code: 'usage' } });
    });

    it('pages the table only: a page past the last or unreadable is 400, the CSV is whole', async () => {
      const first = await server.app.request('/compare?page=1&by=goal');
      expect(first.status).toBe(200);
      // One page in all: no page links.
      expect(await first.text()).not.toContain('aria-label="表のページ"');
      const past = await server.app.request('/compare?page=2');
      expect(past.status).toBe(400);
      expect(await past.text()).toContain(
        '2 ページはありません。この絞り込みの表は 1 ページまでです。',
      );
      const unreadable = await server.app.request('/compare?page=two');
      expect(unreadable.status).toBe(400);
      expect(await unreadable.text()).toContain('ページの番号として読めません: two');
      const csv = await server.app.request('/compare.csv?fiscalYear=R2&page=2');
      expect(csv.status).toBe(200);
      const whole = await server.app.request('/compare.csv?fiscalYear=R2');
      expect(await csv.text()).toBe(await whole.text());
    });
  });
}
