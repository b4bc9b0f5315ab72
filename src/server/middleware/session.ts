import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { createSession, SESSION_HOURS } from '../../app/auth/sessions.ts';
import type { ServerEnv } from '../env.ts';
import { signedInBy } from './signed-in-cache.ts';

export const SESSION_COOKIE = 'sousei_session';

/** Starts a new session for the person in the browser (sign-in, and after a password change). */
export async function startSession(
  c: Context<ServerEnv>,
  actor: { userId: number; municipalityCode: string },
) {
  const session = await createSession(c.get('app'), actor.userId, actor.municipalityCode);
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: c.get('config').secureCookies,
    maxAge: SESSION_HOURS * 3600,
  });
}
export const CSRF_COOKIE = 'sousei_csrf';

/**
 * Loads the signed-in person from the session cookie, and gives every request a CSRF token:
 * the session's own once signed in, before that one kept in a cookie of its own (the login form).
 */
export const sessionMiddleware = createMiddleware<ServerEnv>(async (c, next) => {
  const app = c.get('app');
  const token = getCookie(c, SESSION_COOKIE) ?? null;
  const { session, signedIn } = token
    ? await signedInBy(app, token)
    : { session: null, signedIn: null };
  const actor = signedIn?.actor ?? null;
  c.set('actor', actor);
  c.set('sessionToken', session && actor ? token : null);
  c.set('actorName', signedIn?.name ?? null);
  let csrf = session && actor ? session.csrfToken : getCookie(c, CSRF_COOKIE);
  if (!csrf) {
    csrf = randomBytes(32).toString('base64url');
    setCookie(c, CSRF_COOKIE, csrf, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: c.get('config').secureCookies,
    });
  }
  c.set('csrfToken', csrf);
  await next();
});
