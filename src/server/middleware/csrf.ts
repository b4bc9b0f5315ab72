import { timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { SouseiError } from '../../core/errors.ts';
import type { ServerEnv } from '../env.ts';
import { formBody } from '../form-body.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every form carries the request's CSRF token in `_csrf` (synchronizer token, OWASP CSRF
 * Prevention Cheat Sheet); a write without the right one is refused. API clients with a bearer
 * token (a later issue) send no cookies and are not subject to it.
 */
export const csrfMiddleware = createMiddleware<ServerEnv>(async (c, next) => {
  // Exempt only a bearer token without cookies: browsers attach cached Basic credentials (and
  // cookies) to cross-site form posts by themselves, never a bearer token.
  const bearer = /^Bearer\s/i.test(c.req.header('authorization') ?? '') && !c.req.header('cookie');
  if (UNSAFE.has(c.req.method) && !bearer) {
    const type = c.req.header('content-type') ?? '';
    const body = /form/.test(type) ? await formBody(c) : {};
    const sent = typeof body._csrf === 'string' ? body._csrf : (c.req.header('x-csrf-token') ?? '');
    if (!sent || !same(sent, c.get('csrfToken'))) {
      throw new SouseiError('forbidden', 'csrf.invalid');
    }
  }
  await next();
});
