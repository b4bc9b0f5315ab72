import { accessSync, constants } from 'node:fs';
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

/**
 * Headless Chromium for the end-to-end tests and (later) PDF rendering: Debian's own `chromium`
 * package, driven by playwright-core, which never downloads a browser of its own. CHROMIUM_PATH
 * names another executable. Flags: no sandbox (containers run as root), no GPU, and none of the
 * browser's own network traffic (updates, sync, QUIC), so it only talks to the pages it is given.
 */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether the Chromium executable exists and can be run. */
export function chromiumAvailable(): boolean {
  try {
    accessSync(chromiumPath(), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Launches headless Chromium; the caller closes it (`browser.close()`). */
export function launchChromium(
  options: Omit<LaunchOptions, 'executablePath'> = {},
): Promise<Browser> {
  return chromium.launch({
    headless: true,
    ...options,
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
