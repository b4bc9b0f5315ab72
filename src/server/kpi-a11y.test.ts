import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserTest,
  browserAvailable,
  runAxe,
  seriousViolations,
  signIn,
  startBrowserTest,
} from './browser/test-browser.ts';
import { DEMO } from './test-server.ts';

const SAMPLE_CSV = fileURLToPath(new URL('../../samples/muroran-kpis.csv', import.meta.url));

/**
 * The KPI pages in a real browser, without JavaScript doing the work: the administrator uploads
 * the sample CSV through the form, adds a KPI (first with an error), an editor enters an actual;
 * every page has no serious or critical axe-core violation (WCAG 2.1 A and AA).
 */
describe.skipIf(!browserAvailable())('KPI pages in a browser (axe-core, WCAG 2.1 AA)', () => {
  let t: BrowserTest;
  let admin: Page;
  let editor: Page;
  let visitor: Page;
  const contexts: BrowserContext[] = [];
  let plan = '';

  beforeAll(async () => {
    t = await startBrowserTest();
    const page = async () => {
      const context = await t.browser.newContext({
        locale: 'ja-JP',
        viewport: { width: 1280, height: 900 },
      });
      contexts.push(context);
      return context.newPage();
    };
    [admin, editor, visitor] = [await page(), await page(), await page()];
    await signIn(admin, t.url, DEMO.admin, t.password(DEMO.admin));
    await signIn(editor, t.url, DEMO.industry, t.password(DEMO.industry));
    await admin
      .getByRole('main')
      .getByRole('link', { name: /総合戦略/ })
      .click();
    plan = new URL(admin.url()).pathname;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await t?.close();
  });

  const violations = async (page: Page) => seriousViolations(await runAxe(page));

  it('the administrator imports the sample CSV through the upload form', async () => {
    await admin.goto(`${t.url}${plan}/kpis?fy=2021`);
    await admin.getByLabel('CSV ファイル').setInputFiles(SAMPLE_CSV);
    await admin.getByRole('button', { name: '取り込む' }).click();
    await admin.getByText('取り込みました（変更 7 件）').waitFor();
    expect(await violations(admin)).toEqual([]);
    const row = admin.getByRole('row').filter({ hasText: '待機児童数' });
    await expect(row.textContent()).resolves.toContain('非常に効果的であった');
  });

  it('adding a KPI: the form, and the form with errors', async () => {
    await admin.goto(`${t.url}${plan}/kpis?fy=2021`);
    await admin
      .getByRole('link', { name: /KPI を追加.*2\. 西いぶり合同企業説明会開催事業/ })
      .click();
    expect(await violations(admin)).toEqual([]);
    await admin.getByLabel('指標名').fill('就職者数');
    await admin.getByLabel('目標値').fill('１０人');
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.getByRole('alert').waitFor();
    expect(await violations(admin)).toEqual([]);
    await admin.getByLabel('単位').fill('人');
    await admin.getByLabel('目標値').fill('１０');
    await admin.getByLabel('目標年度').fill('R6');
    await Promise.all([
      admin.waitForURL(/saved=1/),
      admin.getByRole('button', { name: '保存' }).click(),
    ]);
    await admin.getByRole('heading', { name: '就職者数' }).waitFor();
    expect(await violations(admin)).toEqual([]);
  });

  it('an editor enters an actual on the KPI page', async () => {
    await editor.goto(`${t.url}${plan}/kpis?fy=2021`);
    await editor.getByRole('link', { name: '移住促進ホームページのビュー数', exact: true }).click();
    expect(await violations(editor)).toEqual([]);
    await editor.getByLabel('実績値（回）').fill('９,０００');
    await editor.getByLabel('時点（実績日）').fill('R4.3.31');
    await Promise.all([
      editor.waitForURL(/saved=actual/),
      editor.getByRole('button', { name: '実績を保存' }).click(),
    ]);
    await editor.getByText('令和3年度 (R3) の実績を保存しました').waitFor();
    expect(await violations(editor)).toEqual([]);
  });

  it('the public KPI page of the published year', async () => {
    const response = await visitor.goto(`${t.url}${plan}/kpis?fy=2020`);
    expect(response?.status()).toBe(200);
    expect(await violations(visitor)).toEqual([]);
    expect((await visitor.goto(`${t.url}${plan}/kpis?fy=2021`))?.status()).toBe(404);
  });
});
