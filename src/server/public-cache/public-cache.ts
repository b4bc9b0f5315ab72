import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { matchesIfNoneMatch } from '../api/http.ts';
import type { ServerEnv } from '../env.ts';
import { SESSION_COOKIE } from '../middleware/session.ts';
import { acceptedEncoding } from './accepted-encoding.ts';
import {
  type CachedRepresentation,
  cachedRepresentation,
  etagFor,
} from './cached-representation.ts';
import { RepresentationCache } from './representation-cache.ts';

/** The public pages of a plan: the tree, the progress report, a project. */
const PAGE = /^\/m\/([^/]+)\/plans\/(\d{1,12})(?:\/report|\/projects\/\d{1,12})?$/;
/** The API's reads of a plan: the document, its projects, a project, its KPIs. */
const API = /^\/api\/v1\/plans\/(\d{1,12})(?:\/projects(?:\/\d{1,12})?|\/kpis)?$/;
/** Longer addresses are not kept: no legitimate query string of these pages is near this. */
const MAX_KEY = 512;
/** Headers of a rendered response that are per request or per coding, not kept. */
const DROPPED = new Set(['set-cookie', 'content-length', 'content-encoding', 'etag', 'vary']);

interface Target {
  key: string;
  planId: number;
  /** The municipality the address names (pages), which must be the plan's. */
  code: string | null;
  api: boolean;
}

/** What a request asks for, when it may be answered from the cache: the public's GETs only. */
function targetOf(c: Context<ServerEnv>): Target | null {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return null;
  const url = new URL(c.req.url);
  const key = `${url.pathname}${url.search}`;
  if (key.length > MAX_KEY) return null;
  const api = API.exec(url.pathname);
  if (api) {
    if (c.req.header('authorization') !== undefined) return null;
    return { key, planId: Number(api[1]), code: null, api: true };
  }
  const page = PAGE.exec(url.pathname);
  if (!page || getCookie(c, SESSION_COOKIE) !== undefined) return null;
  return { key, planId: Number(page[2]), code: page[1] ?? null, api: false };
}

/** The rendered response as a cache entry, when it is the public's and a success. */
async function capture(
  c: Context<ServerEnv>,
  target: Target,
  version: string,
): Promise<CachedRepresentation | null> {
  const res = c.res;
  const type = res.headers.get('content-type') ?? '';
  const caching = res.headers.get('cache-control') ?? '';
  const anyone = !c.get('actor') && !c.get('sessionToken');
  if (res.status !== 200 || !anyone || /no-store|private/.test(caching)) return null;
  if (!/^(text\/html|application\/json)/.test(type)) return null;
  const text = await res.clone().text();
  const headers: Record<string, string> = {};
  for (const [name, value] of res.headers) {
    if (!DROPPED.has(name)) headers[name] = value;
  }
  // Pages revalidate every time (a withdrawn year must vanish at once); the API keeps its minute.
  if (!target.api) headers['cache-control'] = 'public, no-cache';
  headers.vary = target.api ? 'Authorization, Accept-Encoding' : 'Cookie, Accept-Encoding';
  return cachedRepresentation(version, text, headers);
}

/** Sends an entry in the coding the client accepts, or 304 when it holds that one already. */
function send(c: Context<ServerEnv>, entry: CachedRepresentation): Response {
  const coding = acceptedEncoding(c.req.header('accept-encoding'));
  const etag = etagFor(entry, coding);
  const headers: Record<string, string> = { ...entry.headers, etag };
  const fresh = matchesIfNoneMatch(c.req.header('if-none-match'), etag);
  if (!fresh && coding !== 'identity') headers['content-encoding'] = coding;
  const body = fresh ? null : entry.bodies[coding];
  // Replace, not merge: the rendered response may carry the CSRF cookie of a first visit.
  c.res = undefined;
  c.res = new Response(body, { status: fresh ? 304 : 200, headers });
  return c.res;
}

/**
 * Public pages and API reads rendered once per content version of their plan, then served as
 * stored bytes: brotli or gzip as negotiated, with a strong ETag and 304 on If-None-Match.
 *
 * The version is read from the database on every request (one statement), so an entry is never
 * served after a publish, withdrawal, import, restore or any other change of what the public
 * sees, whichever process wrote it. Anything signed in (a session cookie, a bearer token) passes
 * through untouched and stays no-store. Concurrent first requests for one version render once.
 */
export function publicCache(cache = new RepresentationCache()) {
  const rendering = new Map<string, Promise<CachedRepresentation | null>>();
  return createMiddleware<ServerEnv>(async (c, next) => {
    const target = targetOf(c);
    if (!target) return next();
    const current = await c.get('app').store.contentVersions.ofPlan(target.planId);
    if (!current || (target.code !== null && target.code !== current.municipalityCode)) {
      return next();
    }
    const cached = cache.get(target.key);
    if (cached?.version === current.version) return send(c, cached);
    const flight = `${current.version}\u0000${target.key}`;
    const pending = rendering.get(flight);
    if (pending) {
      const entry = await pending;
      return entry ? send(c, entry) : next();
    }
    let done: (entry: CachedRepresentation | null) => void = () => {};
    rendering.set(flight, new Promise((resolve) => (done = resolve)));
    let entry: CachedRepresentation | null = null;
    try {
      await next();
      entry = await capture(c, target, current.version);
      if (entry) cache.set(target.key, entry);
    } finally {
      rendering.delete(flight);
      done(entry);
    }
    if (entry) return send(c, entry);
  });
}
