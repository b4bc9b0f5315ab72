import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../app/app-context.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { statementCounter } from '../../store/reads/statement-counter.ts';
import { storeModules } from '../../store/store.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { readConfig } from '../config.ts';
import { createServer } from '../create-server.tsx';
import { createTestServer, DEMO, type TestServer } from '../test-server.ts';

/**
 * The public 効果検証 page is kept like the report: rendered once per content version of its
 * plan. An approval is written to the history, which the content version reads, so the next
 * public request renders the approved text, in this process as in any other.
 */

const CODE = '012050';
const APPROVED = '移住相談は前年度より増え、事業は計画どおり進んだ。';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`the public analysis page on ${dialect}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await createTestServer(dialect);
    }, 60_000);
    afterAll(() => server?.close());

    it('serves the kept page until an approval, then the approved text', async () => {
      const path = `/m/${CODE}/plans/${server.planId}/analysis?fy=2020`;
      const get = () => server.app.request(path);
      const first = await get();
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get('cache-control')).toBe('public, no-cache');
      expect(await first.text()).toContain('承認された効果検証の文はまだありません');
      const again = await get();
      expect(again.headers.get('etag')).toBe(etag);
      expect(
        (await server.app.request(path, { headers: { 'if-none-match': etag ?? '' } })).status,
      ).toBe(304);

      const admin = await server.signIn(DEMO.admin);
      // The signed-in page is kept per session too (the same PAGE pattern), until any write.
      const before = await (await admin.get(path)).text();
      expect(before).toContain('下書き');
      expect(before).not.toContain(APPROVED);
      expect(await (await admin.get(path)).text()).toBe(before);
      const approve = await admin.post(`${path}&scope=plan`, {
        scope: 'plan',
        text: APPROVED,
        version: '0',
        action: 'approve',
      });
      expect(approve.status).toBe(303);

      const after = await get();
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      const html = await after.text();
      expect(html).toContain(APPROVED);
      expect(html).not.toContain('承認された効果検証の文はまだありません');
      const signedIn = await (await admin.get(path)).text();
      expect(signedIn).toContain(APPROVED);
      expect(signedIn).toContain('承認済み');
    });
  });
}

describe('a kept public page read by its statements', () => {
  let base: TestServer;
  beforeAll(async () => {
    base = await createTestServer('sqlite');
  }, 60_000);
  afterAll(() => base?.close());

  it('the analysis page, once kept, reads no more than the kept report and tree', async () => {
    const counter = statementCounter();
    const db = databaseOf(base.ctx.store).withPlugin(counter.plugin);
    const ctx: AppContext = { ...base.ctx, store: { ...base.ctx.store, ...storeModules(db) } };
    const app = createServer(
      ctx,
      readConfig({ SOUSEI_MODE: 'production', SOUSEI_SECURE_COOKIES: 'false' }),
    );
    const plan = `/m/${CODE}/plans/${base.planId}`;
    async function hit(path: string) {
      expect((await app.request(path)).status, path).toBe(200); // rendered and kept
      counter.reset();
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      return { statements: counter.total(), rows: counter.rows() };
    }
    const report = await hit(`${plan}/report?fy=2020`);
    expect(await hit(`${plan}?fy=2020`)).toEqual(report);
    expect(await hit(`${plan}/analysis?fy=2020`)).toEqual(report);
  });
});
