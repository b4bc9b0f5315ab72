import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ServerEnv } from '../env.ts';

const require = createRequire(import.meta.url);

/** Where scripts/build-assets.mjs writes the browser's bundles (from src/ and dist/ alike). */
export const BUNDLE_DIR = fileURLToPath(new URL('../../../dist-assets/', import.meta.url));

interface Asset {
  type: string;
  /** Identity bytes, and the compressed copies a browser may ask for instead. */
  body: Uint8Array;
  br?: Uint8Array;
  gzip?: Uint8Array;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Static files, read once at start; cached by browsers for an hour. */
const file = (path: string, type: string): Asset => ({ type, body: readFileSync(path) });

/**
 * A bundle built by `npm ci` (scripts/build-assets.mjs), with its brotli and gzip copies; null
 * when it was never built, which the route answers with a message saying so. A bundle older
 * than its entry (edited since) is served with a warning: sources otherwise need no build.
 */
function bundle(dir: string, name: string, entry: string): Asset | null {
  const path = `${dir}${name}`;
  if (!existsSync(path)) return null;
  if (existsSync(entry) && statSync(entry).mtimeMs > statSync(path).mtimeMs) {
    console.warn(`${entry} changed after ${path} was built: run \`npm run build\`.`);
  }
  const copy = (suffix: string) =>
    existsSync(`${path}${suffix}`) ? readFileSync(`${path}${suffix}`) : undefined;
  return { type: JS, body: readFileSync(path), br: copy('.br'), gzip: copy('.gz') };
}

/** The smallest copy this request accepts: brotli, then gzip (`;q=0` refuses one), else identity. */
function negotiate(c: Context, asset: Asset): Uint8Array {
  const accepted = c.req.header('accept-encoding') ?? '';
  if (asset.br || asset.gzip) c.header('vary', 'Accept-Encoding');
  for (const encoding of ['br', 'gzip'] as const) {
    const bytes = asset[encoding];
    if (bytes && new RegExp(`\\b${encoding}\\b(?!;q=0(\\.0*)?\\b)`).test(accepted)) {
      c.header('content-encoding', encoding);
      return bytes;
    }
  }
  return asset.body;
}

/** `bundleDir` (tests): where the bundles are, BUNDLE_DIR unless told. */
export function assetRoutes({ bundleDir = BUNDLE_DIR } = {}): Hono<ServerEnv> {
  const assets = (url: string) => fileURLToPath(new URL(url, import.meta.url));
  const files: Record<string, Asset | null> = {
    'tokens.css': file(require.resolve('@digital-go-jp/design-tokens/dist/tokens.css'), CSS),
    'app.css': file(assets('../assets/app.css'), CSS),
    'app.js': file(assets('../assets/app.js'), JS),
    // The dashboard's PNG/SVG downloads (its charts are drawn on the server), loaded only there.
    'dashboard.js': bundle(bundleDir, 'dashboard.js', assets('../assets/dashboard-entry.js')),
  };
  const app = new Hono<ServerEnv>();
  app.get('/:name', (c) => {
    const name = c.req.param('name');
    if (!(name in files)) return c.notFound();
    const asset = files[name];
    if (!asset) {
      console.error(`${bundleDir}${name} is missing: run \`npm run build\` (npm ci does).`);
      return c.text(`${name} is not built: run \`npm run build\`.`, 503);
    }
    c.header('content-type', asset.type);
    c.header('cache-control', 'public, max-age=3600');
    return c.body(negotiate(c, asset) as Uint8Array<ArrayBuffer>);
  });
  return app;
}
