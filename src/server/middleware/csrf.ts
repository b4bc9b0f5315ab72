import { timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { SouseiError } from '../../core/errors.ts';
import type { ServerEnv } from '../env.ts';
import { formBody } from '../form-body.ts';
import { isStreamedUpload } from './body-limit.tsx';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether the token sent is the expected one (constant time; an empty one never matches). */
export function csrfMatches(sent: string, expected: string): boolean {
  const x = Buffer.from(sent);
  const y = Buffer.from(expected);
  return x.length > 0 && x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every form carries the request's CSRF token in `_csrf` (synchronizer token, OWASP CSRF
 * Prevention Cheat Sheet); a write without the right one is refused. API clients with a bearer
 * token send no cookies and are not subject to it. Bodies are already bounded here (the body
 * limit runs first), except the import forms' multipart uploads: never parsed here, their
 * route's streaming reader checks the token (the first field, or X-CSRF-Token) before it
 * writes any file (upload/receive-upload.ts).
 */
export const csrfMiddleware = createMiddleware<ServerEnv>(async (c, next) => {
  // Exempt only a bearer token without cookies: browsers attach cached Basic credentials (and
  // cookies) to cross-site form posts by themselves, never a bearer token.
  const bearer = /^Bearer\s/i.test(c.req.header('authorization') ?? '') && !c.req.header('cookie');
  if (UNSAFE.has(c.req.method) && !bearer && !isStreamedUpload(c)) {
    const type = c.req.header('content-type') ?? '';
    const body = /form/.test(type) ? await formBody(c) : {};
    const sent = typeof body._csrf === 'string' ? body._csrf : (c.req.header('x-csrf-token') ?? '');
    if (!csrfMatches(sent, c.get('csrfToken'))) {
      throw new SouseiError('forbidden', 'csrf.invalid');
    }
  }
  await next();
});
