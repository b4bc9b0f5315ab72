import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { ServerEnv } from '../env.ts';

const require = createRequire(import.meta.url);

/** Static files, read once at start; cached by browsers for an hour. */
function load(path: string): string {
  return readFileSync(path, 'utf8');
}

export function assetRoutes(): Hono<ServerEnv> {
  const files: Record<string, { body: string; type: string }> = {
    'tokens.css': {
      body: load(require.resolve('@digital-go-jp/design-tokens/dist/tokens.css')),
      type: 'text/css; charset=utf-8',
    },
    'app.css': {
      body: load(fileURLToPath(new URL('../assets/app.css', import.meta.url))),
      type: 'text/css; charset=utf-8',
    },
    'app.js': {
      body: load(fileURLToPath(new URL('../assets/app.js', import.meta.url))),
      type: 'text/javascript; charset=utf-8',
    },
    // The dashboard's charts: its script, and ECharts, which that script loads only where a
    // page has a chart (about 1 MB).
    'dashboard.js': {
      body: load(fileURLToPath(new URL('../assets/dashboard.js', import.meta.url))),
      type: 'text/javascript; charset=utf-8',
    },
    'echarts.min.js': {
      body: load(require.resolve('echarts/dist/echarts.min.js')),
      type: 'text/javascript; charset=utf-8',
    },
  };
  const app = new Hono<ServerEnv>();
  app.get('/:name', (c) => {
    const file = files[c.req.param('name')];
    if (!file) return c.notFound();
    c.header('content-type', file.type);
    c.header('cache-control', 'public, max-age=3600');
    return c.body(file.body);
  });
  return app;
}
