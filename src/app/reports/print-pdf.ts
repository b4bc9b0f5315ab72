import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SouseiError } from '../../core/errors.ts';
import { chromiumAvailable, launchChromium } from './chromium.ts';

/**
 * Prints self-contained HTML to PDF in one shared headless Chromium. Opening a page costs about
 * as much as setting its content (≈150 ms on two cores), so finished pages wait in a small pool
 * for the next print: setContent replaces the whole document, and the pages run no script and
 * load nothing, so one print cannot see another. The browser starts on first use; if it dies,
 * the next print starts a new one.
 */
const POOL_SIZE = 2;

/** Chromium's print options (playwright-core does not export their type by name). */
export type PdfOptions = NonNullable<Parameters<Page['pdf']>[0]>;

interface Printer {
  browser: Browser;
  context: BrowserContext;
  idle: Page[];
}

let printer: Promise<Printer> | undefined;

async function startPrinter(): Promise<Printer> {
  const browser = await launchChromium();
  const context = await browser.newContext({ javaScriptEnabled: false });
  return { browser, context, idle: [] };
}

function sharedPrinter(): Promise<Printer> {
  if (!chromiumAvailable()) throw new SouseiError('unavailable', 'pdf.chromium-missing');
  if (printer) return printer;
  const started = startPrinter();
  printer = started;
  const forget = () => {
    if (printer === started) printer = undefined;
  };
  started.then((p) => p.browser.once('disconnected', forget), forget);
  return started;
}

async function takePage(p: Printer): Promise<Page> {
  for (let page = p.idle.pop(); page; page = p.idle.pop()) {
    if (!page.isClosed()) return page;
  }
  return p.context.newPage();
}

function releasePage(p: Printer, page: Page, healthy: boolean): void {
  if (healthy && p.browser.isConnected() && p.idle.length < POOL_SIZE) p.idle.push(page);
  else void page.close().catch(() => undefined);
}

/** The PDF of `html`, which must need nothing from the network (styles inlined). */
export async function printPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
  const p = await sharedPrinter();
  const page = await takePage(p);
  let healthy = false;
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = new Uint8Array(await page.pdf(options));
    healthy = true;
    return pdf;
  } finally {
    releasePage(p, page, healthy);
  }
}

/** Closes the shared browser (server shutdown, end of a CLI command). */
export async function closePdfBrowser(): Promise<void> {
  const current = printer;
  printer = undefined;
  if (current) await (await current).browser.close();
}
