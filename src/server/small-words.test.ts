import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILE } from '../app/load-sample.ts';
import {
  anonymous,
  createTestServer,
  DEMO,
  demoProject,
  type Session,
  type TestServer,
} from './test-server.ts';

/**
 * The small words of every page as each role reads them (issue 13): one mark for a missing
 * value, brackets that never nest, a history that says how a change was made, a login page that
 * says why it is shown, a 403 page with a way back, the documentation as links, and a closed
 * year's projects never offered as 入力中.
 */
const visibleText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<template[\s\S]*?<\/template>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');

/** The texts of the table and list cells that hold a value. */
const cells = (html: string) =>
  [...html.matchAll(/<(td|dd)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) =>
    visibleText(m[2] ?? '').trim(),
  );

/** Dashes other than the one mark (`-`) that a cell might show for "no value". */
const OTHER_DASHES = ['—', '―', '－', '–', '−', '‐'];

/** Brackets composed into brackets: 「企画課（管理者））」, 「(R3)（締切（ロック））」. */
const NESTED = [/））/, /\)）/, /）\)/, /\)（/, /（[^（）\n]*（/];

describe('the small words of every page', () => {
  let server: TestServer;
  let base: string;
  let sample: string;
  const pages: { who: string; path: string; html: string }[] = [];

  beforeAll(async () => {
    server = await createTestServer();
    base = `/m/012050/plans/${server.planId}`;
    sample = readFileSync(SAMPLE_FILE, 'utf8');
    const p1 = await demoProject(server, '1');
    const editor = await server.signIn(DEMO.industry);
    // A change from the entry form, so the history has a web change with an activity.
    const form = await (await editor.get(`${p1.page}/edit?fy=2021`)).text();
    const count = Number(/name="a_count" value="(\d+)"/.exec(form)?.[1] ?? '0');
    const saved = await editor.post(`${p1.page}/edit?fy=2021`, {
      version: /name="version" value="(\d+)"/.exec(form)?.[1] ?? '',
      a_count: String(count),
      ...Object.fromEntries(Array.from({ length: count }, (_, i) => [`a${i}_e_count`, '0'])),
      budget: '400',
      settlement: '',
      a0_new_kind: 'result',
      a0_new_text: '相談 52件',
    });
    expect(saved.status).toBe(303);
    const paths = [
      base,
      `${base}?fy=2020`,
      `${base}?fy=2021`,
      `${base}/report?fy=2020`,
      `${base}/report?fy=2021`,
      `${base}/report?fy=all`,
      `${base}/report?fy=2020&evaluation=1`,
      `${base}/years`,
      `${base}/years?fy=2020`,
      `${base}/history`,
      `${base}/kpis`,
      `${base}/dashboard?fy=2020`,
      `${base}/dashboard?fy=2021`,
      `${base}/evaluations?fy=2020`,
      `${base}/downloads`,
      `${base}/todo`,
      `${base}/check?fy=2020`,
      `${base}/search?q=移住`,
      '/m/012050/users',
      '/m/012050/settings',
      '/account/tokens',
      p1.page,
      `${p1.page}?fy=2021`,
      `${p1.page}/edit?fy=2021`,
      '/compare',
      '/m/012050',
      '/',
      '/api/docs',
      `${p1.page}/return?fy=2021`,
      `${base}/years/2021?action=lock`,
      `${base}/years/2020?action=unpublish`,
    ];
    const readers: [string, Session][] = [
      ['public', await anonymous(server)],
      ['admin', await server.signIn(DEMO.admin)],
      ['editor', editor],
      ['committee', await server.signIn(DEMO.committee)],
    ];
    for (const [who, session] of readers) {
      for (const path of paths) {
        const r = await session.get(path);
        if (r.status === 200) pages.push({ who, path, html: await r.text() });
      }
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('walked the pages of every role', () => {
    expect(new Set(pages.map((p) => p.who))).toEqual(
      new Set(['public', 'admin', 'editor', 'committee']),
    );
    expect(pages.length).toBeGreaterThan(60);
  });

  it('shows a missing value with one mark everywhere', () => {
    const found = pages.flatMap(({ who, path, html }) =>
      cells(html)
        .filter((cell) => OTHER_DASHES.includes(cell))
        .map((cell) => `${who} ${path}: ${cell}`),
    );
    expect(found).toEqual([]);
    // The mark that is used: a year without amounts in the report and the plan tree.
    const report = pages.find((p) => p.who === 'admin' && p.path === `${base}/report?fy=2021`);
    expect(cells(report?.html ?? '')).toContain('-');
  });

  it('never nests brackets in the words it composes (the sample’s own text aside)', () => {
    const found = pages.flatMap(({ who, path, html }) => {
      const text = visibleText(html);
      return NESTED.flatMap((pattern) =>
        [...text.matchAll(new RegExp(pattern.source, 'g'))]
          .map((m) => text.slice(Math.max(0, (m.index ?? 0) - 20), (m.index ?? 0) + 4))
          // Text imported from the sample (（一財）…) is the city's own writing.
          .filter((around) => !sample.includes(around.slice(-8)))
          .map((around) => `${who} ${path}: …${around.replace(/\s+/g, ' ')}`),
      );
    });
    expect([...new Set(found)]).toEqual([]);
  });

  it('says in the history how each change was made, in plain words', () => {
    for (const path of [`${base}/history`, `${base}/projects`]) {
      const page = pages.find((p) => p.who === 'admin' && p.path.startsWith(path));
      const text = visibleText(page?.html ?? '');
      expect(text).not.toMatch(/（画面）|（進行）|（画面から）|（進行管理）/);
    }
    const history = visibleText(
      pages.find((p) => p.who === 'admin' && p.path === `${base}/history`)?.html ?? '',
    );
    expect(history).toContain('画面から入力');
    expect(history).toContain('入力状況・年度の進行');
    expect(history).toContain('取組・結果・見直しを変更');
    expect(history).not.toMatch(/取組を変更\s*$/m);
  });

  it('offers a closed year’s projects as 未完了, never 入力中 or 未着手, to every member', async () => {
    for (const who of ['committee', 'admin']) {
      const page = pages.find((p) => p.who === who && p.path === `${base}?fy=2020`);
      const select = /<select id="status"[\s\S]*?<\/select>/.exec(page?.html ?? '')?.[0] ?? '';
      expect(select).toContain('未完了');
      expect(select).not.toContain('入力中');
      expect(select).not.toContain('未着手');
    }
    const committee = await server.signIn(DEMO.committee);
    const filtered = await (await committee.get(`${base}?fy=2020&status=unfinished`)).text();
    expect(filtered).toContain('移住推進事業');
    expect(filtered).not.toContain('>入力中<');
  });

  it('links the documentation the pages name, and serves it', async () => {
    const downloads = pages.find((p) => p.who === 'public' && p.path === `${base}/downloads`);
    expect(visibleText(downloads?.html ?? '')).not.toContain('docs/');
    const links = [...(downloads?.html ?? '').matchAll(/href="(\/docs\/[^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(['/docs/json-format', '/docs/open-data-csv']);
    const pub = await anonymous(server);
    for (const link of links) {
      const r = await pub.get(link ?? '');
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('doc-text');
    }
    const md = await pub.get('/docs/open-data-csv.md');
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await md.text()).toContain('# オープンデータ CSV');
    expect((await pub.get('/docs/security')).status).toBe(404);
    expect((await pub.get('/docs/..%2Fpackage.json')).status).toBe(404);
    for (const { who, path, html } of pages) {
      expect(visibleText(html), `${who} ${path}`).not.toMatch(/docs\/[a-z-]+\.md/);
    }
  });
});

describe('the way in and the way back', () => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await createTestServer();
    base = `/m/012050/plans/${server.planId}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('asks the signed-out to sign in, says why, and comes back with the query', async () => {
    const pub = await anonymous(server);
    const r = await pub.get(`${base}/years?fy=2021`);
    expect(r.status).toBe(303);
    const login = r.headers.get('location') ?? '';
    expect(login).toBe(`/login?next=${encodeURIComponent(`${base}/years?fy=2021`)}`);
    const page = await (await pub.get(login)).text();
    expect(page).toContain('このページを見るにはログインしてください');
    expect(await (await pub.get('/login')).text()).not.toContain('このページを見るには');
    const account = server.accounts.find((a) => a.email === DEMO.admin);
    const signedIn = await pub.post('/login', {
      email: DEMO.admin,
      password: account?.password ?? '',
      next: `${base}/years?fy=2021`,
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(`${base}/years?fy=2021`);
  });

  it('gives a 403 page what to do and a way back', async () => {
    const editor = await server.signIn(DEMO.industry);
    const r = await server.app.request('/m/012050/users', {
      headers: { cookie: editor.cookie, referer: `http://localhost${base}?fy=2021` },
    });
    expect(r.status).toBe(403);
    const html = await r.text();
    expect(html).toContain('<title>権限がありません');
    expect(html).toContain('企画課の管理者');
    expect(html).toContain(`href="${base}?fy=2021"`);
    expect(html).toContain('前のページに戻る');
    expect(html).toContain('href="/m/012050"');
    // Another site's page is no way back.
    const elsewhere = await server.app.request('/m/012050/users', {
      headers: { cookie: editor.cookie, referer: 'https://evil.example/x' },
    });
    expect(await elsewhere.text()).not.toContain('evil.example');
  });
});
