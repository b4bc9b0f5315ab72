import { createMiddleware } from 'hono/factory';
import type { ServerEnv } from '../env.ts';

/**
 * `Cache-Control: no-store` on every response that depends on who is asking: a signed-in session
 * or an API token (pages, downloads such as report.pdf of an unpublished year, API reads and
 * errors), and any response that sets a cookie. Neither the browser's cache nor a shared one may
 * keep them (a shared computer, a proxy). Public pages keep their caching.
 */
export const noStoreForSessions = createMiddleware<ServerEnv>(async (c, next) => {
  await next();
  const personal = Boolean(c.get('actor')) || Boolean(c.get('sessionToken'));
  const already = /no-store/.test(c.res.headers.get('cache-control') ?? '');
  if ((personal || c.res.headers.has('set-cookie')) && !already) {
    c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.delete('Expires');
  }
});
