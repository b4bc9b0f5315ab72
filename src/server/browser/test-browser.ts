import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { requireAll } from '../../store/test-databases.ts';
import { readConfig } from '../config.ts';
import { type RunningServer, startServer } from '../serve.ts';
import { chromiumAvailable, chromiumPath, launchChromium } from './chromium.ts';

/**
 * Test support for the browser tests: the real server on a free port (demo mode, a fresh SQLite
 * file) and Debian's headless Chromium. Where Chromium is missing the suites are skipped with a
 * message, unless SOUSEI_REQUIRE_ALL=1 (CI), where that is a failure.
 */
let warned = false;
export function browserAvailable(): boolean {
  if (chromiumAvailable()) return true;
  if (requireAll) {
    throw new Error(`SOUSEI_REQUIRE_ALL=1 but Chromium is missing at ${chromiumPath()}`);
  }
  if (!warned) {
    warned = true;
    console.warn(
      `Browser tests skipped: no Chromium at ${chromiumPath()} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH).`,
    );
  }
  return false;
}

export interface BrowserTest {
  url: string;
  server: RunningServer;
  browser: Browser;
  /** The demo account's password (random per start). */
  password(email: string): string;
  close(): Promise<void>;
}

export async function startBrowserTest(): Promise<BrowserTest> {
  const dir = mkdtempSync(join(tmpdir(), 'sousei-e2e-'));
  const server = await startServer(
    readConfig({
      PORT: '0',
      SOUSEI_MODE: 'demo',
      DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
      SOUSEI_SECURE_COOKIES: 'false',
    }),
  );
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    server,
    browser,
    password(email) {
      const account = server.demoAccounts.find((a) => a.email === email);
      if (!account) throw new Error(`no demo account ${email}`);
      return account.password;
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== '/login'),
    page.getByRole('button', { name: 'ログイン' }).click(),
  ]);
}

export async function signOut(page: Page) {
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/'),
    page.getByRole('button', { name: 'ログアウト' }).click(),
  ]);
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export const WCAG21_AA: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
};

/**
 * Runs axe-core on the page. The page's CSP allows same-origin scripts only, so axe is evaluated
 * through the DevTools protocol (page.evaluate), which the CSP does not govern.
 */
export async function runAxe(page: Page, options: RunOptions = WCAG21_AA): Promise<AxeResults> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return (await page.evaluate(`axe.run(document, ${JSON.stringify(options)})`)) as AxeResults;
}

/** The serious and critical violations, one line each with the rule, its help and where. */
export function seriousViolations(results: AxeResults): string[] {
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}${v.nodes.length > 3 ? ` …(+${v.nodes.length - 3})` : ''} ${v.helpUrl}`,
    );
}
