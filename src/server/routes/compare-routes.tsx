import type { Context } from 'hono';
import { Hono } from 'hono';
import { comparisonCsv } from '../../app/compare/compare-csv.ts';
import { pageOfComparison, parseComparePage } from '../../app/compare/compare-paging.ts';
import { parseCompareQuery } from '../../app/compare/compare-query.ts';
import { loadComparison } from '../../app/compare/load-comparison.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { CSRF_COOKIE } from '../middleware/session.ts';
import { page } from '../render.tsx';
import { ComparePage } from '../views/compare-page.tsx';

// Only published figures, the same for everyone: shared caches may keep them briefly (a new
// publication shows within the minute). A signed-in reader gets no-store from the middleware.
const PUBLIC_CACHE = 'public, max-age=60';

function comparisonFor(c: Context<ServerEnv>) {
  const query = parseCompareQuery({
    fiscalYear: c.req.query('fiscalYear'),
    prefecture: c.req.query('prefecture'),
    kind: c.req.query('kind'),
    by: c.req.query('by'),
  });
  return loadComparison(c.get('app'), query);
}

/**
 * The public cross-municipality page (issue 11), a page of rows at a time (`page`, see
 * compare-paging.ts: the whole country by goal would be 4.3 million characters). It runs after the session middleware so the
 * layout shows who is signed in. A signed-out reader needs no CSRF token here (the filters are a
 * GET form; the only posting form, sign-out, is shown to a signed-in reader, who carries the
 * session's own token), so the cookie the middleware gave a first visit is left out: every
 * anonymous visit, the first one included, is cacheable.
 */
export function compareRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/compare', async (c) => {
    // The page is read before the rows so an unreadable number costs no query.
    const pageNumber = parseComparePage(c.req.query('page'));
    const comparison = pageOfComparison(await comparisonFor(c), pageNumber);
    c.header('cache-control', PUBLIC_CACHE);
    const response = page(c, t('compare.title'), <ComparePage comparison={comparison} />);
    if (!c.get('actor')) withoutCookie(response, CSRF_COOKIE);
    return response;
  });
  return app;
}

/** Drops one cookie from a response's Set-Cookie headers, keeping any other. */
function withoutCookie(response: Response, name: string): void {
  const kept = response.headers.getSetCookie().filter((v) => !v.startsWith(`${name}=`));
  response.headers.delete('set-cookie');
  for (const v of kept) response.headers.append('set-cookie', v);
}

/**
 * The comparison's CSV: every row of the filters, never paged (`page` is not read). Data only,
 * the same for everyone, so it is mounted before the session middleware (like the API): no
 * cookie is read or set and every answer is cacheable.
 */
export function compareDataRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/compare.csv', async (c) => {
    const comparison = await comparisonFor(c);
    const year = comparison.query.fiscalYear ?? 'none';
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="compare-${year}.csv"`);
    c.header('cache-control', PUBLIC_CACHE);
    return c.body(comparisonCsv(comparison, c.req.query('bom') === '1'));
  });
  return app;
}
