#!/usr/bin/env node
// Runs the compiled JavaScript that `npm ci` builds (scripts/build-dist.mjs, the `prepare`
// script) when it is there and no source is newer; otherwise the TypeScript sources through tsx,
// so there is still no build step between editing a file and using it. Tests always run the
// sources (vitest sets VITEST), and SOUSEI_FROM_SOURCE=1 forces them.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const built = `${root}dist/cli/main.js`;
const stamp = `${root}dist/.built`;

/** True when some file under `dir` was changed after `since` (ms). */
function newerThan(dir, since) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory() ? newerThan(path, since) : statSync(path).mtimeMs > since) return true;
  }
  return false;
}

function useBuilt() {
  if (process.env.VITEST || process.env.SOUSEI_FROM_SOURCE === '1') return false;
  if (!existsSync(built) || !existsSync(stamp)) return false;
  return !newerThan(`${root}src`, statSync(stamp).mtimeMs);
}

if (useBuilt()) {
  await (await import(built)).runCli(process.argv);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await (await import('../src/cli/main.ts')).runCli(process.argv);
}
