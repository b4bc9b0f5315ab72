import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserTest,
  browserAvailable,
  runAxe,
  seriousViolations,
  signIn,
  startBrowserTest,
} from '../browser/test-browser.ts';
import { DEMO } from '../test-server.ts';

/**
 * The API's pages in headless Chromium: the docs page and the token page pass axe-core's WCAG
 * 2.1 AA rules, and a token made on the page works against the API straight away.
 */
describe.skipIf(!browserAvailable())('API pages in a browser', () => {
  let t: BrowserTest;
  let page: Page;

  beforeAll(async () => {
    t = await startBrowserTest();
    page = await (await t.browser.newContext({ locale: 'ja-JP' })).newPage();
  });
  afterAll(() => t?.close());

  it('the docs page is accessible', async () => {
    await page.goto(`${t.url}/api/docs`);
    await expect(page.getByRole('heading', { level: 1, name: 'API の説明' }).count()).resolves.toBe(
      1,
    );
    expect(seriousViolations(await runAxe(page))).toEqual([]);
  });

  it('a token is made, shown once, used and revoked on /account/tokens', async () => {
    await signIn(page, t.url, DEMO.industry, t.password(DEMO.industry));
    await page.goto(`${t.url}/account/tokens`);
    await page.getByLabel(/名前/).fill('集計スクリプト');
    await page.getByRole('button', { name: '作る' }).click();
    const secret = (await page.locator('#new-token').textContent()) ?? '';
    expect(secret).toMatch(/^sousei_/);
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    const api = await fetch(`${t.url}/api/v1/municipalities`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(api.status).toBe(200);
    await page.getByRole('button', { name: '「集計スクリプト」を失効させる' }).click();
    await page.waitForURL((u) => u.search === '?revoked=1');
    expect(await page.content()).not.toContain(secret);
    const refused = await fetch(`${t.url}/api/v1/municipalities`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(refused.status).toBe(401);
  });
});
