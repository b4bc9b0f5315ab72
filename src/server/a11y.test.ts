import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strategyCsv } from '../app/mapping/suggest-test-support.ts';
import {
  type BrowserTest,
  browserAvailable,
  runAxe,
  seriousViolations,
  signIn,
  startBrowserTest,
} from './browser/test-browser.ts';
import { DEMO } from './test-server.ts';

type Who = 'public' | 'editor' | 'admin';

/**
 * Accessibility of the main pages (WCAG 2.1 A and AA rules of axe-core, in headless Chromium so
 * contrast is measured on the rendered page): no serious or critical violation. The pages are
 * seen in a realistic state: an editor has saved R3 figures and marked a project 入力完了, so
 * the years page shows accept and return forms and the history has entries. Pages that do not
 * exist yet (project page, report, search) are skipped until they answer 200.
 */
describe.skipIf(!browserAvailable())('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let t: BrowserTest;
  const contexts = new Map<Who, BrowserContext>();
  const pages = new Map<Who, Page>();
  let plan = '';
  let project = '';
  let other = '';

  beforeAll(async () => {
    t = await startBrowserTest();
    for (const who of ['public', 'editor', 'admin'] as const) {
      const context = await t.browser.newContext({
        locale: 'ja-JP',
        viewport: { width: 1280, height: 900 },
      });
      contexts.set(who, context);
      pages.set(who, await context.newPage());
    }
    const editor = pages.get('editor') as Page;
    await signIn(editor, t.url, DEMO.industry, t.password(DEMO.industry));
    // An editor starts on the to-do page of the plan whose year is open.
    plan = new URL(editor.url()).pathname.replace(/\/todo$/, '');
    await editor.goto(`${t.url}${plan}/years?fy=2021`);
    // Project 2 stays 入力中 (its entry form is checked); project 1 is marked 入力完了.
    other =
      (await editor
        .getByRole('row')
        .filter({ hasText: '西いぶり合同企業説明会開催事業' })
        .getByRole('link', { name: '入力' })
        .getAttribute('href')) ?? '';
    expect(other).toMatch(/\/edit\?fy=2021$/);
    await editor
      .getByRole('row')
      .filter({ hasText: '移住推進事業' })
      .getByRole('link', { name: '入力' })
      .click();
    project = new URL(editor.url()).pathname.replace(/\/edit$/, '');
    await editor.getByLabel('予算（千円）').fill('400');
    await editor.getByLabel('決算（千円）').fill('380');
    await Promise.all([
      editor.waitForURL(/saved=1/),
      editor.getByRole('button', { name: '保存', exact: true }).click(),
    ]);
    // Issue 8: 入力完了 saves the form and, without a result ▶, needs the reason.
    await editor.getByLabel('結果（▶）がない理由').fill('実施中のため');
    await Promise.all([
      editor.waitForURL((u) => !u.pathname.endsWith('/edit')),
      editor.getByRole('button', { name: '保存して入力完了にする' }).click(),
    ]);
    await signIn(pages.get('admin') as Page, t.url, DEMO.admin, t.password(DEMO.admin));
  });
  afterAll(async () => {
    for (const context of contexts.values()) await context.close();
    await t?.close();
  });

  /** Opens the page as `who` and returns its serious and critical violations. */
  async function check(who: Who, path: string, status = 200) {
    const page = pages.get(who) as Page;
    const response = await page.goto(`${t.url}${path}`);
    expect(response?.status(), `${path} as ${who}`).toBe(status);
    return seriousViolations(await runAxe(page));
  }

  const cases: { name: string; who: Who; path: () => string; status?: number }[] = [
    { name: 'front page', who: 'public', path: () => '/' },
    { name: 'login', who: 'public', path: () => '/login' },
    { name: 'municipality page', who: 'public', path: () => '/m/012050' },
    { name: 'plan page (public, R2)', who: 'public', path: () => `${plan}?fy=2020` },
    { name: 'page not found', who: 'public', path: () => '/nowhere', status: 404 },
    { name: 'plan page (editor, R3)', who: 'editor', path: () => `${plan}?fy=2021` },
    { name: 'entry form', who: 'editor', path: () => other },
    { name: 'entry form, saved', who: 'editor', path: () => `${other}&saved=1` },
    { name: 'years page (editor)', who: 'editor', path: () => `${plan}/years?fy=2021` },
    { name: 'plan page (administrator, R3)', who: 'admin', path: () => `${plan}?fy=2021` },
    { name: 'years page (administrator)', who: 'admin', path: () => `${plan}/years?fy=2021` },
    { name: 'history', who: 'admin', path: () => `${plan}/history` },
    // Issue 8: the to-do page and the confirmations of the cycle.
    { name: 'to-do page (editor)', who: 'editor', path: () => `${plan}/todo` },
    { name: 'lock confirmation', who: 'admin', path: () => `${plan}/years/2021?action=lock` },
    {
      name: 'publish confirmation',
      who: 'admin',
      path: () => `${plan}/years/2021?action=publish`,
    },
    { name: 'return confirmation', who: 'admin', path: () => `${project}/return?fy=2021` },
    { name: 'users', who: 'admin', path: () => '/m/012050/users' },
    // Issue 11: the public cross-municipality view, signed out.
    { name: 'compare (public)', who: 'public', path: () => '/compare' },
    {
      name: 'compare by goal, filtered (public)',
      who: 'public',
      path: () => '/compare?fiscalYear=2020&prefecture=01&kind=city&by=goal',
    },
    {
      name: 'compare, nothing found (public)',
      who: 'public',
      path: () => '/compare?fiscalYear=2021',
    },
  ];
  for (const c of cases) {
    it(`${c.name}: no serious or critical violation`, async () => {
      expect(await check(c.who, c.path(), c.status)).toEqual([]);
    });
  }

  it('compare (public): no violation at all, of any impact', async () => {
    const page = pages.get('public') as Page;
    for (const path of ['/compare', '/compare?prefecture=01&by=goal']) {
      expect((await page.goto(`${t.url}${path}`))?.status()).toBe(200);
      expect(await page.context().cookies()).not.toContainEqual(
        expect.objectContaining({ name: 'sousei_session' }),
      );
      expect((await runAxe(page)).violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
    }
  });

  it('login with an error: no serious or critical violation', async () => {
    const page = pages.get('public') as Page;
    await page.goto(`${t.url}/login`);
    await page.getByLabel('メールアドレス').fill('nobody@example.jp');
    await page.getByLabel('パスワード').fill('wrong password');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('alert').waitFor();
    expect(seriousViolations(await runAxe(page))).toEqual([]);
  });

  it('entry form with an error: no serious or critical violation', async () => {
    const page = pages.get('admin') as Page;
    await page.goto(`${t.url}${project}/edit?fy=2021`);
    await page.getByLabel('予算（千円）').fill('４００千円x');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(seriousViolations(await runAxe(page))).toEqual([]);
  });

  // Every other page of the application, required (no skipping: they all exist).
  const more: { name: string; who: Who; path: () => string }[] = [
    { name: 'project page (public, R2)', who: 'public', path: () => `${project}?fy=2020` },
    { name: 'project page (editor, R3)', who: 'editor', path: () => `${project}?fy=2021` },
    { name: 'report (public, R2)', who: 'public', path: () => `${plan}/report?fy=2020` },
    {
      name: 'report (administrator, R3, evaluation)',
      who: 'admin',
      path: () => `${plan}/report?fy=2021&evaluation=1`,
    },
    { name: 'search', who: 'public', path: () => `${plan}/search?q=移住` },
    { name: 'KPIs (public, R2)', who: 'public', path: () => `${plan}/kpis?fy=2020` },
    { name: 'KPIs (administrator, R3)', who: 'admin', path: () => `${plan}/kpis?fy=2021` },
    { name: 'dashboard (public, R2)', who: 'public', path: () => `${plan}/dashboard?fy=2020` },
    { name: 'validation before publishing', who: 'admin', path: () => `${plan}/check?fy=2020` },
    { name: 'evaluation queue', who: 'admin', path: () => `${plan}/evaluations?fy=2020` },
    { name: 'evaluation form', who: 'admin', path: () => `${project}/evaluation?fy=2020` },
    { name: 'evaluation settings', who: 'admin', path: () => '/m/012050/settings' },
    { name: 'downloads (public)', who: 'public', path: () => `${plan}/downloads` },
    { name: 'import page', who: 'admin', path: () => '/m/012050/import' },
    { name: 'mapped import page', who: 'admin', path: () => '/m/012050/import/mapped' },
    { name: 'API tokens', who: 'admin', path: () => '/account/tokens' },
    { name: 'API documentation', who: 'public', path: () => '/api/docs' },
  ];
  for (const c of more) {
    it(`${c.name}: no serious or critical violation`, async () => {
      const page = pages.get(c.who) as Page;
      const response = await page.goto(`${t.url}${c.path()}`);
      expect(response?.status()).toBe(200);
      expect(seriousViolations(await runAxe(page))).toEqual([]);
    });
  }

  it('mapped import with its suggestion and preview: no serious or critical violation', async () => {
    const page = pages.get('admin') as Page;
    await page.goto(`${t.url}/m/012050/import/mapped`);
    await page.setInputFiles('#file', {
      name: 'strategy.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(strategyCsv()),
    });
    await page.getByRole('button', { name: '対応表を提案' }).click();
    await page.getByText('対応表を提案しました').waitFor();
    await page.getByLabel('計画名').fill('総合戦略');
    await page.getByRole('button', { name: '確認する（書き込まない）' }).click();
    await page.getByRole('table').first().waitFor();
    expect(await page.getByRole('table').first().textContent()).toContain('創業支援事業');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
  });
});
