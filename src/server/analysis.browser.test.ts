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

/**
 * The analysis page in headless Chromium on a 390 px phone: the edit form with the linked draft
 * beside it passes axe (WCAG 2.1 AA) and nothing is wider than the screen; approving is a plain
 * form post and its redirect.
 */
describe.skipIf(!browserAvailable())('the analysis page in a browser', () => {
  let t: BrowserTest;
  let context: BrowserContext;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    t = await startBrowserTest();
    context = await t.browser.newContext({
      locale: 'ja-JP',
      viewport: { width: 390, height: 844 },
    });
    page = await context.newPage();
    await signIn(page, t.url, DEMO.admin, t.password(DEMO.admin));
    await page.goto(`${t.url}/m/012050`);
    const href = await page.locator('a[href*="/plans/"]').first().getAttribute('href');
    base = `${t.url}${/^\/m\/012050\/plans\/\d+/.exec(href ?? '')?.[0]}`;
  });
  afterAll(async () => {
    await context?.close();
    await t?.close();
  });

  it('shows the edit form on a phone with no serious axe violation, nothing wider than the screen', async () => {
    await page.goto(`${base}/analysis?fy=2020&scope=plan`);
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    // Evaluated in the page (a string: the tests are typed without the DOM library).
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
  });

  it('approves a text typed on the phone, through the plain form', async () => {
    await page.goto(`${base}/analysis?fy=2020&scope=plan`);
    await page.getByLabel('効果検証の文').fill('携帯から書いた効果検証の文。');
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('saved') === 'approve'),
      page.getByRole('button', { name: 'この文で承認' }).click(),
    ]);
    expect(await page.getByRole('status').textContent()).toContain('承認しました。');
    expect(await page.textContent('#analysis-plan')).toContain('携帯から書いた効果検証の文。');
  });
});
