import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from '../../store/raw-database.ts';
import { anonymous, createTestServer, DEMO, type TestServer } from '../test-server.ts';

const SAMPLE = readFileSync(new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url));

/** Downloads for readers (the public: published years only) and the import page for administrators. */
describe('downloads and the import page', () => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await createTestServer();
    base = `/m/012050/plans/${server.planId}`;
    // An R3 figure that must never reach the public.
    const p1 = await databaseOf(server.ctx.store)
      .selectFrom('projects')
      .select('id')
      .where('no', '=', '1')
      .executeTakeFirstOrThrow();
    await databaseOf(server.ctx.store)
      .insertInto('project_finances')
      .values({
        project_id: p1.id,
        municipality_code: '012050',
        fiscal_year: 2021,
        budget: 777_000,
        settlement: null,
      })
      .execute();
  });
  afterAll(() => server?.close());

  it('lists the downloads of the published years for the public', async () => {
    const pub = await anonymous(server);
    const html = await (await pub.get(`${base}/downloads`)).text();
    expect(html).toContain('公表済みの年度: 令和2年度 (R2)');
    expect(html).toContain('report.pdf?fy=2020');
    expect(html).not.toContain('report.pdf?fy=2021');
  });

  it('gives the public CSV with a BOM and published years only', async () => {
    const pub = await anonymous(server);
    const r = await pub.get(`${base}/export/projects.csv?bom=1`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await r.arrayBuffer());
    expect(text.startsWith('\uFEFF全国地方公共団体コード')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(25);
    expect(text).not.toContain('777000');
    expect((await pub.get(`${base}/export/projects.csv?fy=2021`)).status).toBe(404);
    expect((await pub.get(`${base}/export/secrets.csv`)).status).toBe(404);
  });

  it('gives members the open year too, and Excel and JSON', async () => {
    const admin = await server.signIn(DEMO.admin);
    expect(await (await admin.get(`${base}/export/projects.csv?fy=2021`)).text()).toContain(
      '777000',
    );
    const xlsx = await admin.get(`${base}/export.xlsx`);
    expect(xlsx.headers.get('content-disposition')).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['R2', 'R3', 'Sousei情報']);
    const pub = await anonymous(server);
    const json = JSON.parse(await (await pub.get(`${base}/export.json`)).text());
    expect(JSON.stringify(json)).not.toContain('777');
    expect(json.goals).toHaveLength(3);
  });

  it('lets only administrators import: a dry run first, then the write', async () => {
    const editor = await server.signIn(DEMO.industry);
    expect((await editor.get('/m/012050/import')).status).toBe(403);
    const admin = await server.signIn(DEMO.admin);
    const form = (dryRun: boolean, bytes: Uint8Array, title: string) => {
      const data = new FormData();
      data.set('_csrf', admin.csrf);
      data.set('title', title);
      data.set('file', new File([bytes], 'sapporo.tsv'));
      if (dryRun) data.set('dryRun', '1');
      return server.app.request('/m/012050/import', {
        method: 'POST',
        headers: { cookie: admin.cookie },
        body: data,
      });
    };
    const dry = await form(true, new Uint8Array(SAMPLE), '別の計画');
    expect(dry.status).toBe(200);
    expect(await dry.text()).toContain('確認しました（まだ書き込んでいません）');
    expect(
      await databaseOf(server.ctx.store).selectFrom('plans').select('id').execute(),
    ).toHaveLength(1);
    const bad = await form(
      false,
      new TextEncoder().encode(SAMPLE.toString('utf8').replace('\t322\t', '\tabc\t')),
      '別の計画',
    );
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('11 行目 4 列目（R2 予算）: 金額として読めません');
    const ok = await form(false, new Uint8Array(SAMPLE), '別の計画');
    expect(await ok.text()).toContain('取り込みました');
    expect(
      await databaseOf(server.ctx.store).selectFrom('plans').select('id').execute(),
    ).toHaveLength(2);
  });

  it('refuses an import into a locked or published year', async () => {
    const admin = await server.signIn(DEMO.admin);
    const data = new FormData();
    data.set('_csrf', admin.csrf);
    data.set('title', '第2期室蘭市まち・ひと・しごと創生総合戦略');
    data.set('file', new File([new Uint8Array(SAMPLE)], 'r2.tsv'));
    const r = await server.app.request('/m/012050/import', {
      method: 'POST',
      headers: { cookie: admin.cookie },
      body: data,
    });
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('公表済みのため変更できません');
  });
});
