import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../app/auth/users.ts';
import { importPlan } from '../../app/import-plan.ts';
import { saveKpi } from '../../app/kpi/save-kpi.ts';
import { SAMPLE_FILE } from '../../app/load-sample.ts';
import { readImportSettings, settingsPathFor } from '../../app/read-import-settings.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { createTestServer, DEMO, type Session, type TestServer } from '../test-server.ts';

/**
 * The public cache on both databases: what it serves is what rendering would give now (never a
 * withdrawn year, never another city's page), it changes with every change the public can see,
 * and signed-in pages never come from it.
 */

const CODE = '012050';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`the public cache on ${dialect}`, () => {
    let server: TestServer;
    let admin: Session;
    let paths: Record<'tree' | 'report' | 'project' | 'api' | 'kpis', string>;
    const get = (path: string, headers: Record<string, string> = {}) =>
      server.app.request(path, { headers });

    beforeAll(async () => {
      server = await createTestServer(dialect);
      admin = await server.signIn(DEMO.admin);
      const indexed = await server.ctx.store.plans.loadIndexed(CODE, server.planId);
      const first = [...(indexed?.projects.values() ?? [])][0];
      const base = `/m/${CODE}/plans/${server.planId}`;
      paths = {
        tree: `${base}?fy=2020`,
        report: `${base}/report?fy=2020`,
        project: `${base}/projects/${first?.id}?fy=2020`,
        api: `/api/v1/plans/${server.planId}`,
        kpis: `/api/v1/plans/${server.planId}/kpis`,
      };
    }, 60_000);
    afterAll(() => server?.close());

    it('answers the same version with the same strong ETag, and 304 when the client has it', async () => {
      for (const path of Object.values(paths)) {
        const first = await get(path);
        expect(first.status, path).toBe(200);
        const etag = first.headers.get('etag') ?? '';
        expect(etag).toMatch(/^"[\w-]+"$/);
        expect(first.headers.get('set-cookie')).toBeNull();
        expect(first.headers.get('vary')).toContain('Accept-Encoding');
        expect(first.headers.get('content-security-policy')).toContain("default-src 'self'");
        const again = await get(path);
        expect(again.headers.get('etag')).toBe(etag);
        expect(await again.text()).toBe(await first.text());
        const revalidated = await get(path, { 'if-none-match': etag });
        expect(revalidated.status).toBe(304);
        expect(await revalidated.text()).toBe('');
      }
    });

    it('sends brotli or gzip as accepted, the same bytes once decoded, each with its own ETag', async () => {
      for (const path of [paths.report, paths.api]) {
        const plain = await (await get(path)).text();
        const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
        expect(br.headers.get('content-encoding')).toBe('br');
        const brBytes = Buffer.from(await br.arrayBuffer());
        expect(brotliDecompressSync(brBytes).toString('utf8')).toBe(plain);
        expect(brBytes.byteLength).toBeLessThan(Buffer.byteLength(plain) / 3);
        const gz = await get(path, { 'accept-encoding': 'gzip;q=1, br;q=0' });
        expect(gz.headers.get('content-encoding')).toBe('gzip');
        expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(plain);
        const etags = new Set([br, gz].map((r) => r.headers.get('etag')));
        expect(etags.size).toBe(2);
        const none = await get(path, { 'accept-encoding': 'identity' });
        expect(none.headers.get('content-encoding')).toBeNull();
        const again = await get(path, {
          'accept-encoding': 'br',
          'if-none-match': br.headers.get('etag') ?? '',
        });
        expect(again.status).toBe(304);
      }
    });

    it('never serves a signed-in person from it: their pages stay no-store and their own', async () => {
      for (const path of [paths.tree, paths.report, paths.project]) {
        const publicHtml = await (await get(path)).text();
        const res = await admin.get(path);
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.headers.get('etag')).toBeNull();
        const html = await res.text();
        expect(html).toContain('ログアウト');
        expect(html).not.toBe(publicHtml);
      }
      const token = await get(paths.api, { authorization: 'Bearer sousei_nonsense' });
      expect(token.status).toBe(401);
    });

    it("never answers another municipality's address with this plan", async () => {
      await get(paths.report);
      const elsewhere = paths.report.replace(`/m/${CODE}/`, '/m/011002/');
      expect((await get(elsewhere)).status).toBe(404);
    });

    it('a KPI of the open year: a new content version, yet nothing the public may not see', async () => {
      const before = await get(paths.kpis);
      const version = await server.ctx.store.contentVersions.ofPlan(server.planId);
      const actor = await loadActor(
        server.ctx,
        (await server.ctx.store.users.findByEmail(DEMO.admin))?.id ?? 0,
      );
      const goal = (await server.ctx.store.kpis.tree(CODE, server.planId)).nodes[0];
      await saveKpi(server.ctx, actor, {
        municipalityCode: CODE,
        planId: server.planId,
        input: {
          scope: 'goal',
          nodeId: goal?.id ?? 0,
          name: '転入者数',
          unit: '人',
          direction: 'higher',
          kind: 'annual',
          targetValue: 500,
          targetFiscalYear: 2024,
        },
      });
      expect(await server.ctx.store.contentVersions.ofPlan(server.planId)).not.toEqual(version);
      const after = await get(paths.kpis);
      expect(after.status).toBe(200);
      expect(await after.text()).not.toContain('転入者数');
      expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    });

    it('withdrawn: nothing of the year is served; re-imported and published: the new figures', async () => {
      const before = Object.fromEntries(
        await Promise.all(
          Object.entries(paths).map(async ([k, p]) => [k, (await get(p)).headers.get('etag')]),
        ),
      );
      const year = `/m/${CODE}/plans/${server.planId}/years/2020`;
      const post = (form: Record<string, string>) => admin.post(year, { confirmed: '1', ...form });
      expect((await post({ action: 'unpublish' })).status).toBe(303);
      for (const path of Object.values(paths)) expect((await get(path)).status, path).toBe(404);

      expect((await post({ action: 'unlock' })).status).toBe(303);
      const settings = readImportSettings(settingsPathFor(SAMPLE_FILE), true);
      // Project 2's R2 settlement 2,352 千円 becomes 9,876 千円.
      const changed = readFileSync(SAMPLE_FILE, 'utf8').replace('2,810\t2,352', '2,810\t9,876');
      expect(changed).not.toBe(readFileSync(SAMPLE_FILE, 'utf8'));
      await importPlan(server.ctx, {
        bytes: new TextEncoder().encode(changed),
        fileName: 'changed.tsv',
        municipalityCode: settings.municipality?.code,
        municipalityName: settings.municipality?.name,
        title: settings.plan?.title,
        kind: settings.plan?.kind,
        conventions: settings.conventions,
      });
      expect((await post({ action: 'lock', override: '再公表' })).status).toBe(303);
      expect((await post({ action: 'publish', override: '再公表' })).status).toBe(303);
      for (const [name, path] of Object.entries(paths)) {
        if (name === 'kpis') continue; // the import changed no KPI
        const res = await get(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('etag'), path).not.toBe(before[name]);
      }
      expect(await (await get(paths.report)).text()).toContain('9,876');
    });
  });
}
