import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfBrowser } from '../../app/reports/report-pdf.tsx';
import { type BrowserTest, browserAvailable, startBrowserTest } from '../browser/test-browser.ts';

/**
 * The report page's PDF link in Chromium (issue 13): printing takes a few seconds, so a click
 * says so in a live region, a second click does not start a second print, and the file still
 * arrives as a download. Without JavaScript the link is a plain download link (its text says it
 * can take a few seconds).
 */
describe.skipIf(!browserAvailable())('the PDF link on the report page', () => {
  let test: BrowserTest;
  beforeAll(async () => {
    test = await startBrowserTest();
  });
  afterAll(async () => {
    await closePdfBrowser();
    await test?.close();
  });

  it('announces the print in a live region and delivers the download once', async () => {
    const context = await test.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    let prints = 0;
    page.on('request', (request) => {
      if (request.url().includes('report.pdf')) prints++;
    });
    await page.goto(`${test.url}/m/012050`);
    const plan = await page.locator('a[href*="/plans/"]').first().getAttribute('href');
    await page.goto(`${test.url}${plan?.replace(/\?.*/, '')}/report?fy=2020`);
    const link = page.getByRole('link', { name: /PDF/ }).first();
    await expect(link.textContent()).resolves.toContain('数秒');
    const status = page.getByRole('status').filter({ hasText: /PDF/ });
    const download = page.waitForEvent('download');
    await link.click();
    // The link is aria-disabled now: Playwright would wait for it, a person clicks at once.
    await link.click({ force: true });
    await expect(link.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect
      .poll(async () => status.textContent(), { timeout: 10_000 })
      .toMatch(/PDFを作成しています|PDFをダウンロードしました/);
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^report-012050-\d+\.pdf$/);
    await expect.poll(async () => status.textContent()).toContain('PDFをダウンロードしました');
    expect(prints).toBe(1);
    await context.close();
  });

  it('does the same for the PDF links of the downloads page', async () => {
    const context = await test.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${test.url}/m/012050`);
    const plan = await page.locator('a[href*="/plans/"]').first().getAttribute('href');
    await page.goto(`${test.url}${plan?.replace(/\?.*/, '')}/downloads`);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /^PDF / }).first().click();
    await expect
      .poll(async () => page.getByRole('status').filter({ hasText: /PDF/ }).textContent())
      .toMatch(/PDFを作成しています|PDFをダウンロードしました/);
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    await context.close();
  });
});
