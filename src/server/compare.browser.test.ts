import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../app/app-context.ts';
import { importGeneratedSet } from '../app/generate/import-generated.ts';
import { generateNationalSet } from '../app/generate/national-set.ts';
import { launchChromium } from './browser/chromium.ts';
import { browserAvailable, runAxe, seriousViolations } from './browser/test-browser.ts';
import { readConfig } from './config.ts';
import { type RunningServer, startServer } from './serve.ts';

/**
 * /compare in pages, on a 390 px phone: 110 generated municipalities (R2 published by all of
 * them) and the demo's are two pages of R2. The page links (plain links: the page has no script
 * of its own) keep the filters, the page does not overflow sideways (the table scrolls in its own
 * region), and axe finds nothing serious.
 */
describe.skipIf(!browserAvailable())('the comparison in pages, in a browser', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sousei-compare-'));
    const databaseUrl = `sqlite:${join(dir, 'e2e.db')}`;
    server = await startServer(
      readConfig({ PORT: '0', SOUSEI_MODE: 'demo', DATABASE_URL: databaseUrl }),
    );
    const ctx = await openAppContext(databaseUrl);
    try {
      await importGeneratedSet(ctx, generateNationalSet({ seed: 1, municipalities: 110 }));
    } finally {
      await ctx.store.close();
    }
    browser = await launchChromium();
    context = await browser.newContext({
      locale: 'ja-JP',
      viewport: { width: 390, height: 844 },
    });
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages the whole country by plan, keeping the filters, on a phone', async () => {
    await page.goto(`${server.url}/compare?fiscalYear=2020&kind=city`);
    const cities = (await page.locator('#compare-caption').textContent()) ?? '';
    // The generated cities of the selection fit one page: no page links.
    expect(cities).toMatch(/^令和2年度 \(R2\) の団体別の集計（\d+ 行）$/);
    expect(await page.locator('nav[aria-label="表のページ"]').count()).toBe(0);

    await page.goto(`${server.url}/compare?fiscalYear=R2`);
    const nav = page.getByRole('navigation', { name: '表のページ' });
    expect(await nav.locator('[aria-current="page"]').textContent()).toBe('1 / 2 ページ');
    expect(await page.locator('#compare-caption').textContent()).toMatch(
      /^令和2年度 \(R2\) の団体別の集計（1\d\d 行のうち 1～100 行目）$/,
    );
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(100);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    expect(seriousViolations(await runAxe(page))).toEqual([]);

    await nav.getByRole('link', { name: '次のページ' }).click();
    expect(new URL(page.url()).search).toBe('?fiscalYear=2020&page=2');
    expect(await page.locator('#compare-caption').textContent()).toMatch(/（1\d\d 行のうち 101～/);
    expect(await nav.locator('[aria-current="page"]').textContent()).toBe('2 / 2 ページ');
    expect(await nav.getByRole('link', { name: '次のページ' }).count()).toBe(0);
    expect(seriousViolations(await runAxe(page))).toEqual([]);
  }, 120_000);
});
