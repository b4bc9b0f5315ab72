import { createHash, randomBytes } from 'node:crypto';
import { SouseiError } from '../../core/errors.ts';
import type { AppContext } from '../app-context.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { normaliseEmail } from './users.ts';

/** Sessions live in the database behind an opaque cookie token; only its hash is stored. */
export const SESSION_HOURS = 12;
/** Login throttling: failures counted per account and per address over a sliding window. */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

let dummy: Promise<string> | undefined;
const dummyHash = () => {
  dummy ??= hashPassword('no such account');
  return dummy;
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface SessionInfo {
  userId: number;
  municipalityCode: string;
  csrfToken: string;
  /** ISO time after which the session no longer counts. */
  expiresAt: string;
}

export async function createSession(ctx: AppContext, userId: number, municipalityCode: string) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = new Date(ctx.now());
  await ctx.store.sessions.create({
    id: sha256(token),
    userId,
    municipalityCode,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
  });
  return { token, csrfToken };
}

export async function findSession(ctx: AppContext, token: string): Promise<SessionInfo | null> {
  const session = await ctx.store.sessions.findLive(sha256(token), ctx.now());
  if (!session) return null;
  return {
    userId: session.userId,
    municipalityCode: session.municipalityCode,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}

export async function deleteSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.store.sessions.delete(sha256(token));
}

/**
 * Checks an email and password. Throws `rate-limited` after too many recent failures for the
 * account or the address (checked before the password, so guessing stops), and the same
 * `unauthenticated` error for an unknown account, a disabled one and a wrong password.
 */
export async function login(
  ctx: AppContext,
  input: { email: string; password: string; address: string },
): Promise<{ userId: number; municipalityCode: string }> {
  const failures = ctx.store.loginFailures;
  const email = normaliseEmail(input.email);
  const now = new Date(ctx.now());
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  const emailKey = `email:${email}`;
  const addressKey = `ip:${input.address}`;
  if (
    (await failures.count(emailKey, since)) >= MAX_FAILURES_PER_EMAIL ||
    (await failures.count(addressKey, since)) >= MAX_FAILURES_PER_ADDRESS
  ) {
    throw new SouseiError('rate-limited', 'login.rate-limited', { minutes: LOGIN_WINDOW_MINUTES });
  }
  const user = await ctx.store.users.credentials(email);
  // An unknown account costs the same scrypt work as a known one: timing tells nothing.
  const checked = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!user || user.disabled || !checked) {
    await failures.record([emailKey, addressKey], now.toISOString());
    throw new SouseiError('unauthenticated', 'login.failed');
  }
  await failures.clear(emailKey);
  return { userId: user.userId, municipalityCode: user.municipalityCode };
}
