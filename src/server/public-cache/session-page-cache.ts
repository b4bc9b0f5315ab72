import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../../app/app-context.ts';
import type { ServerEnv } from '../env.ts';
import { SESSION_COOKIE } from '../middleware/session.ts';
import { signedInBy } from '../middleware/signed-in-cache.ts';
import { type Answer, PAGE, type RequestView, viewOf } from './public-cache.ts';

/** Pages kept per process: a signed-in plan page is some 16 kB. */
const MAX_PAGES = 500;
const TOKEN = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=([^;]*)`);

interface KeptPage {
  mark: string;
  expiresAt: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** The session and address a request asks for, when it is a plan page's GET with a session. */
function keyOf(view: RequestView): { key: string; token: string } | null {
  if (view.method !== 'GET' || !PAGE.test(view.url)) return null;
  const token = TOKEN.exec(view.cookie ?? '')?.[1];
  return token ? { key: `${token}\u0000${view.url}`, token } : null;
}

/**
 * A signed-in person's plan pages (the tree, the report, a project), kept whole until anything
 * is written to the database by any process or the session expires: such a page is a function
 * of the data, the session and the address alone (no clock, no other cookie), so an unchanged
 * mark means an unchanged page. The mark is the strict one (database.ts: every commit that
 * finished before the request, in any process, SQLite and PostgreSQL alike), so a sign-out or
 * a password change elsewhere is never answered from here. Each entry belongs to one session:
 * one person's page is never another's. Responses stay no-store, with every header the app
 * gave them. Without a write mark just now (PostgreSQL's listener not connected) nothing is
 * kept or answered: the page's body is still shared per content version (plan-fragments.ts).
 */
export function sessionPageCache(ctx: AppContext) {
  const pages = new Map<string, KeptPage>();
  const writeMark = () => ctx.store.contentVersions.writeMark();

  function keptAnswer(key: string, mark: string): Answer | null {
    const kept = pages.get(key);
    if (!kept || kept.mark !== mark || kept.expiresAt <= ctx.now()) return null;
    return { status: 200, headers: kept.headers, body: kept.body };
  }

  async function answer(view: RequestView): Promise<Answer | null> {
    const asked = keyOf(view);
    if (!asked || !pages.has(asked.key)) return null;
    const mark = await writeMark();
    return mark === undefined ? null : keptAnswer(asked.key, mark);
  }

  async function capture(c: Context<ServerEnv>, token: string, mark: string) {
    const res = c.res;
    if (res.status !== 200 || res.headers.has('set-cookie')) return null;
    if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) return null;
    if (!c.get('actor') || c.get('sessionToken') !== token) return null;
    const { session } = await signedInBy(ctx, token);
    if (!session) return null;
    const headers: Record<string, string> = {};
    for (const [name, value] of res.headers) if (name !== 'content-length') headers[name] = value;
    const body = Buffer.from(await res.clone().arrayBuffer());
    // node:http writes the kept headers as they are (fast-public-server.ts): the length too.
    headers['content-length'] = String(body.byteLength);
    return { mark, expiresAt: session.expiresAt, headers, body };
  }

  const middleware = createMiddleware<ServerEnv>(async (c, next) => {
    const view = viewOf(c);
    const asked = keyOf(view);
    const mark = asked ? await writeMark() : undefined;
    if (!asked || mark === undefined) return next();
    const hit = keptAnswer(asked.key, mark);
    if (hit) {
      c.res = new Response(hit.body, { status: hit.status, headers: hit.headers });
      return c.res;
    }
    await next();
    const kept = await capture(c, asked.token, mark);
    if (!kept) return;
    pages.delete(asked.key);
    pages.set(asked.key, kept);
    for (const [oldest] of pages) {
      if (pages.size <= MAX_PAGES) break;
      pages.delete(oldest);
    }
  });

  return { middleware, answer };
}
