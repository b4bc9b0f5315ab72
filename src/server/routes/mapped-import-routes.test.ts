import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../app/auth/sessions.ts';
import { createUser, findUserByEmail } from '../../app/auth/users.ts';
import { jimuWorkbook, strategyCsv } from '../../app/mapping/suggest-test-support.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { createTestServer, DEMO, type TestServer } from '../test-server.ts';
import { keptUploadsDir } from '../upload/kept-uploads.ts';

const decode = (html: string) =>
  html
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** The guided mapped import: suggest, preview what would be stored, import — without JavaScript. */
describe('the mapped import page', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server?.close());

  const post = async (
    fields: Record<string, string>,
    file?: { bytes: Uint8Array; name: string },
  ) => {
    const admin = await server.signIn(DEMO.admin);
    const data = new FormData();
    data.set('_csrf', admin.csrf);
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    if (file) data.set('file', new File([file.bytes], file.name));
    const r = await server.app.request('/m/012050/import/mapped', {
      method: 'POST',
      headers: { cookie: admin.cookie },
      body: data,
    });
    return { status: r.status, html: decode(await r.text()) };
  };
  const token = (html: string) => /name="upload" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const textarea = (html: string) => /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1] ?? '';
  const plans = async () =>
    (await databaseOf(server.ctx.store).selectFrom('plans').select('id').execute()).length;

  it('is for administrators only, and linked from the import page', async () => {
    const editor = await server.signIn(DEMO.industry);
    expect((await editor.get('/m/012050/import/mapped')).status).toBe(403);
    const admin = await server.signIn(DEMO.admin);
    expect(await (await admin.get('/m/012050/import')).text()).toContain('/m/012050/import/mapped');
  });

  it('suggests, previews level by level without writing, keeps a refused form, then imports', async () => {
    const suggested = await post({ step: 'suggest' }, { bytes: strategyCsv(), name: '戦略.csv' });
    expect(suggested.status).toBe(200);
    expect(suggested.html).toContain('対応表を提案しました。確かめること 4 件');
    expect(suggested.html).toContain('計画名が分かりません');
    const mapping = textarea(suggested.html);
    expect(JSON.parse(mapping).columns.projectName).toEqual({ header: '事業名' });
    const kept = token(suggested.html);
    expect(kept).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(suggested.html).toContain('選んだファイル: 戦略.csv');

    // The file is not chosen again: the token brings it back.
    const preview = await post({ step: 'preview', upload: kept, mapping, title: '総合戦略' });
    expect(preview.status).toBe(200);
    expect(preview.html).toContain('確認しました（まだ書き込んでいません）');
    expect(preview.html).toContain('保存される形（最初の 3 事業、全 3 事業。金額は千円）');
    const tree = preview.html.slice(preview.html.indexOf('<tbody>'));
    const order = [
      '1. しごとをつくる',
      '創業支援',
      '創業支援事業',
      '企業誘致事業',
      '2. ひとを呼ぶ',
    ];
    const at = order.map((s) => tree.indexOf(s));
    expect(at.every((i, n) => i > (at[n - 1] ?? -1))).toBe(true);
    expect(tree).toContain('<td class="num">1,200</td><td class="num">980</td>');
    expect(tree).toContain('創業件数（件）目標 50（2024）、実績 2021: 12');
    expect(await plans()).toBe(1);

    // A refused form keeps what was typed, and the file.
    const broken = await post({
      step: 'preview',
      upload: kept,
      mapping: '{"format":',
      title: '総合戦略',
    });
    expect(broken.status).toBe(422);
    expect(broken.html).toContain('対応表が JSON として読めません');
    expect(textarea(broken.html)).toBe('{"format":');
    expect(token(broken.html)).toBe(kept);
    expect(broken.html).toContain('value="総合戦略"');

    // Every finding of the dry run is shown, the mapping kept as typed.
    const wrong = mapping.replace('"事業名"', '"事業の名前"');
    const refused = await post({
      step: 'preview',
      upload: kept,
      mapping: wrong,
      title: '総合戦略',
    });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('対応表の列が見つかりません');
    expect(textarea(refused.html)).toBe(wrong);

    const done = await post({ step: 'import', upload: kept, mapping, title: '総合戦略' });
    expect(done.status).toBe(200);
    expect(done.html).toContain('取り込みました（事業 3）');
    expect(await plans()).toBe(2);
    // The kept file is removed once imported.
    expect(existsSync(join(keptUploadsDir(), kept))).toBe(false);
  });

  it('honours a kept file only for the administrator who chose it', async () => {
    const kept = token(
      (await post({ step: 'suggest' }, { bytes: strategyCsv(), name: 'a.csv' })).html,
    );
    await createUser(server.ctx, {
      municipalityCode: '012050',
      email: 'kikaku2@demo.sousei.example',
      name: '企画 次郎',
      role: 'admin',
      password: 'a-long-enough-password',
    });
    const user = await findUserByEmail(server.ctx, 'kikaku2@demo.sousei.example');
    const session = await createSession(server.ctx, user.id, '012050');
    const data = new FormData();
    data.set('_csrf', session.csrfToken);
    data.set('step', 'suggest');
    data.set('upload', kept);
    const r = await server.app.request('/m/012050/import/mapped', {
      method: 'POST',
      headers: { cookie: `sousei_session=${session.token}` },
      body: data,
    });
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('ファイルを選んでください');
  });

  it('never reads a file by a token that is not one it gave', async () => {
    for (const forged of ['../../etc/passwd', 'A'.repeat(32)]) {
      const r = await post({ step: 'preview', upload: forged, mapping: '{}' });
      expect(r.status).toBe(422);
      expect(r.html).toContain('ファイルを選んでください');
    }
  });
  it('previews a workbook with the suggested mapping: tree, 千円 amounts per year, indicators', async () => {
    const suggested = await post(
      { step: 'suggest' },
      { bytes: await jimuWorkbook(), name: 'hyoka.xlsx' },
    );
    const preview = await post({
      step: 'preview',
      upload: token(suggested.html),
      mapping: textarea(suggested.html),
    });
    expect(preview.html).toContain('保存される形（最初の 3 事業、全 3 事業。金額は千円）');
    // R2 (2020) of 待機児童解消事業: 1201 + 100 + 0 + 5 + 122 千円 (人件費 left out).
    expect(preview.html).toContain('<td class="num">1,428</td>');
    expect(preview.html).toContain(
      '保育所定員（人）目標 1200（2024）、実績 2020: 1100、2021: 1150、2022: 1180',
    );
  });
  it("proposes the municipality's own 今後の方針 words, not the defaults", async () => {
    const policyMap = async () => {
      const suggested = await post(
        { step: 'suggest' },
        { bytes: await jimuWorkbook(), name: 'hyoka.xlsx' },
      );
      return JSON.parse(textarea(suggested.html)).evaluation?.policy?.values;
    };
    // The defaults (発展・改善・継続・中止・終了) have no 拡充: it is mapped onto 発展.
    expect(await policyMap()).toMatchObject({ 拡充: '発展' });
    await server.ctx.store.municipalitySettings.save(
      '012050',
      { scaleId: 'national', thresholds: null, policies: ['拡充', '継続', '縮小', '廃止'] },
      '2026-11-30T00:00:00.000Z',
    );
    // The city's own words are kept as they are (改善, not one of them, is asked about).
    const own = await policyMap();
    expect(own).toMatchObject({ 拡充: '拡充', 継続: '継続' });
    expect(Object.values(own)).not.toContain('発展');
  });
});
