import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { t } from '../../i18n/translate.ts';
import type { ServerConfig } from '../config.ts';
import type { ServerEnv } from '../env.ts';
import { page } from '../render.tsx';
import { multipartBoundary } from '../upload/multipart-stream.ts';

/**
 * Bodies are bounded before anything parses them (issue 9): a Content-Length over the limit is
 * refused at once, unread; a body without one is counted while it arrives and refused as soon
 * as it passes the limit. Login, every form and the API get the small form limit; only a
 * signed-in person posting to an import gets the upload limit, and the import forms' uploads are
 * streamed to a temporary file (receive-upload.ts), never held in memory.
 */

/** The import forms (plans, KPIs): multipart, streamed to disk, CSRF checked by their reader. */
const STREAMED_UPLOAD = /^\/m\/[^/]+\/(?:import(?:\/mapped)?|plans\/[^/]+\/kpis\/import)\/?$/;

/** A multipart POST to the import form, which its route streams (and checks CSRF on). */
export function isStreamedUpload(c: Context): boolean {
  return (
    c.req.method === 'POST' &&
    STREAMED_UPLOAD.test(c.req.path) &&
    multipartBoundary(c.req.header('content-type')) !== null
  );
}

export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.floor(bytes / 1024 / 1024)} MB`
    : `${Math.floor(bytes / 1024)} KB`;
}

/** 413 as a page (the connection is closed: the rest of the body is not worth reading). */
export function tooLargePage(c: Context<ServerEnv>, limit: number) {
  c.header('Connection', 'close');
  return page(
    c,
    'エラー',
    <div class="error-summary" role="alert">
      <h1>送信できませんでした</h1>
      <p>{t('body.too-large', { limit: formatLimit(limit) })}</p>
    </div>,
    { status: 413 },
  );
}

/** 413 as the API's JSON error. */
function tooLargeJson(c: Context<ServerEnv>, limit: number) {
  const body = {
    error: { code: 'too-large', message: t('body.too-large', { limit: formatLimit(limit) }) },
  };
  return c.body(JSON.stringify(body), 413, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
}

function declaredLength(c: Context): number | null {
  if (c.req.header('transfer-encoding')) return null;
  const value = c.req.header('content-length');
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/**
 * GET and HEAD carry no body (fetch's Request refuses one): they pass unchecked, since merely
 * asking a request for its body makes node's adapter build a whole Request (a tenth of a
 * signed-in page's cost).
 */
const bodiless = (c: Context) => c.req.method === 'GET' || c.req.method === 'HEAD';

/** The API's bodies (JSON writes): the form limit, before the token is even looked at. */
export function apiBodyLimit(config: ServerConfig) {
  const limit = bodyLimit({
    maxSize: config.maxFormBytes,
    onError: (c) => tooLargeJson(c as Context<ServerEnv>, config.maxFormBytes),
  });
  return createMiddleware<ServerEnv>(async (c, next) => (bodiless(c) ? next() : limit(c, next)));
}

/** The web app's bodies; runs after the session (to know who posts), before CSRF parses. */
export function webBodyLimit(config: ServerConfig) {
  const small = bodyLimit({
    maxSize: config.maxFormBytes,
    onError: (c) => tooLargePage(c as Context<ServerEnv>, config.maxFormBytes),
  });
  return createMiddleware<ServerEnv>(async (c, next) => {
    if (bodiless(c)) return next();
    const signedIn = c.get('actor') !== null;
    if (signedIn && isStreamedUpload(c)) {
      // Counted again while it streams; a declared length over the limit is refused unread.
      const length = declaredLength(c);
      if (length !== null && length > config.maxUploadBytes) {
        return tooLargePage(c, config.maxUploadBytes);
      }
      return next();
    }
    return small(c, next);
  });
}
