import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../../app/app-context.ts';
import { matchesIfNoneMatch } from '../api/http.ts';
import type { ServerEnv } from '../env.ts';
import { SESSION_COOKIE } from '../middleware/session.ts';
import { acceptedEncoding } from './accepted-encoding.ts';
import { type CachedRepresentation, cachedRepresentation } from './cached-representation.ts';
import { RepresentationCache } from './representation-cache.ts';

/** The public pages of a plan: the tree, the progress report, the 効果検証 texts, a project. */
export const PAGE =
  /^\/m\/([^/?]+)\/plans\/(\d{1,12})(?:\/report|\/analysis|\/projects\/\d{1,12})?(?:\?|$)/;
/** The API's reads of a plan: the document, its projects, a project, its KPIs. */
const API = /^\/api\/v1\/plans\/(\d{1,12})(?:\/projects(?:\/\d{1,12})?|\/kpis)?(?:\?|$)/;
/** Longer addresses are not kept: no legitimate query string of these pages is near this. */
const MAX_KEY = 512;
const SESSION = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`);
/** Headers of a rendered response that are per request or per coding, not kept. */
const DROPPED = new Set([
  'set-cookie',
  'content-length',
  'content-encoding',
  'etag',
  'vary',
  'cache-control',
  'expires',
]);

/** What the cache needs to know of a request, from Hono or straight from node:http. */
export interface RequestView {
  method: string;
  /** Path and query, as sent. */
  url: string;
  cookie?: string | undefined;
  authorization?: string | undefined;
  acceptEncoding?: string | undefined;
  ifNoneMatch?: string | undefined;
}

export interface Answer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

interface Target {
  key: string;
  planId: number;
  /** The municipality the address names (pages), which must be the plan's. */
  code: string | null;
  api: boolean;
}

/** Whether a request may be answered from the cache: the public's GETs of these addresses. */
function targetOf(view: RequestView): Target | null {
  if (view.method !== 'GET' || view.url.length > MAX_KEY) return null;
  const api = API.exec(view.url);
  if (api) {
    if (view.authorization !== undefined) return null;
    return { key: view.url, planId: Number(api[1]), code: null, api: true };
  }
  const page = PAGE.exec(view.url);
  if (!page || SESSION.test(view.cookie ?? '')) return null;
  return { key: view.url, planId: Number(page[2]), code: page[1] ?? null, api: false };
}

/** An entry in the coding the client accepts, or 304 when it holds that one already. */
function answerFrom(view: RequestView, entry: CachedRepresentation): Answer {
  const coding = acceptedEncoding(view.acceptEncoding);
  const sent = entry.sent[coding];
  if (view.ifNoneMatch !== undefined && matchesIfNoneMatch(view.ifNoneMatch, sent.etag)) {
    return { status: 304, headers: sent.notModified, body: null };
  }
  return { status: 200, headers: sent.ok, body: entry.bodies[coding] };
}

export function viewOf(c: Context<ServerEnv>): RequestView {
  const url = new URL(c.req.url);
  return {
    method: c.req.method,
    url: `${url.pathname}${url.search}`,
    cookie: c.req.header('cookie'),
    authorization: c.req.header('authorization'),
    acceptEncoding: c.req.header('accept-encoding'),
    ifNoneMatch: c.req.header('if-none-match'),
  };
}

/** The rendered response as a cache entry, when it is the public's and a success. */
async function capture(
  c: Context<ServerEnv>,
  target: Target,
  version: string,
): Promise<CachedRepresentation | null> {
  const res = c.res;
  const type = res.headers.get('content-type') ?? '';
  // Who asked, not the headers, decides: the public's first visit gets a CSRF cookie, which
  // makes the response no-store; the cached copy goes without it.
  const anyone = !c.get('actor') && !c.get('sessionToken');
  if (res.status !== 200 || !anyone || !/^(text\/html|application\/json)/.test(type)) return null;
  const text = await res.clone().text();
  // A page holding the visitor's CSRF token is theirs alone (public pages carry none).
  const token = c.get('csrfToken');
  if (token && text.includes(token)) return null;
  const headers: Record<string, string> = {};
  for (const [name, value] of res.headers) {
    if (!DROPPED.has(name)) headers[name] = value;
  }
  // Pages revalidate every time (a withdrawn year must vanish at once); the API keeps its minute.
  headers['cache-control'] = target.api ? 'public, max-age=60' : 'public, no-cache';
  headers.vary = target.api ? 'Authorization, Accept-Encoding' : 'Cookie, Accept-Encoding';
  return cachedRepresentation(version, text, headers);
}

function respond(c: Context<ServerEnv>, answer: Answer): Response {
  // Replace, not merge: the rendered response may carry the CSRF cookie of a first visit.
  c.res = undefined;
  c.res = new Response(answer.body, { status: answer.status, headers: answer.headers });
  return c.res;
}

/**
 * Public pages and API reads rendered once per content version of their plan, then served as
 * stored bytes with every header they were rendered with (security headers included): brotli
 * or gzip as negotiated, a strong ETag, 304 on If-None-Match.
 *
 * The version is read from the database on every request (store.contentVersions), so an entry
 * is never served after a publish, withdrawal, import, restore or any other change of what the
 * public sees, whichever process wrote it. Anything signed in (a session cookie, a bearer token)
 * passes through untouched and stays no-store. Concurrent first requests render once.
 *
 * `middleware` goes first in the app; `answer` lets the node:http server answer a hit before
 * Hono sees the request (serve.ts), with the same decision.
 */
export function publicCache(ctx: AppContext, cache = new RepresentationCache()) {
  const rendering = new Map<string, Promise<CachedRepresentation | null>>();

  async function lookup(view: RequestView) {
    const target = targetOf(view);
    if (!target) return null;
    const current = await ctx.store.contentVersions.ofPlan(target.planId);
    if (!current || (target.code !== null && target.code !== current.municipalityCode)) {
      return null;
    }
    const entry = cache.get(target.key);
    const hit = entry?.version === current.version ? entry : undefined;
    return { target, version: current.version, hit };
  }

  /** The answer to a request from the cache, or null when it must be rendered. */
  async function answer(view: RequestView): Promise<Answer | null> {
    const found = await lookup(view);
    return found?.hit ? answerFrom(view, found.hit) : null;
  }

  const middleware = createMiddleware<ServerEnv>(async (c, next) => {
    const view = viewOf(c);
    const found = await lookup(view);
    if (!found) return next();
    if (found.hit) return respond(c, answerFrom(view, found.hit));
    const flight = `${found.version}\u0000${found.target.key}`;
    const pending = rendering.get(flight);
    if (pending) {
      const entry = await pending;
      return entry ? respond(c, answerFrom(view, entry)) : next();
    }
    let done: (entry: CachedRepresentation | null) => void = () => {};
    rendering.set(flight, new Promise((resolve) => (done = resolve)));
    let entry: CachedRepresentation | null = null;
    try {
      await next();
      entry = await capture(c, found.target, found.version);
      if (entry) cache.set(found.target.key, entry);
    } finally {
      rendering.delete(flight);
      done(entry);
    }
    if (entry) return respond(c, answerFrom(view, entry));
  });

  return { middleware, answer };
}
