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
}

export async function createSession(ctx: AppContext, userId: number, municipalityCode: string) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = new Date(ctx.now());
  await ctx.store.db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      municipality_code: municipalityCode,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

export async function findSession(ctx: AppContext, token: string): Promise<SessionInfo | null> {
  const row = await ctx.store.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.user_id',
      'sessions.municipality_code',
      'sessions.csrf_token',
      'sessions.expires_at',
    ])
    .where('sessions.id', '=', sha256(token))
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.expires_at <= ctx.now()) return null;
  return {
    userId: row.user_id,
    municipalityCode: row.municipality_code,
    csrfToken: row.csrf_token,
  };
}

export async function deleteSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.store.db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

/**
 * Checks an email and password. Throws `rate-limited` after too many recent failures for the
 * account or the address (checked before the password, so guessing stops), and the same
 * `unauthenticated` error for an unknown account and a wrong password.
 */
export async function login(
  ctx: AppContext,
  input: { email: string; password: string; address: string },
): Promise<{ userId: number; municipalityCode: string }> {
  const db = ctx.store.db;
  const email = normaliseEmail(input.email);
  const now = new Date(ctx.now());
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  const failures = async (key: string) => {
    const row = await db
      .selectFrom('login_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const emailKey = `email:${email}`;
  const addressKey = `ip:${input.address}`;
  if (
    (await failures(emailKey)) >= MAX_FAILURES_PER_EMAIL ||
    (await failures(addressKey)) >= MAX_FAILURES_PER_ADDRESS
  ) {
    throw new SouseiError('rate-limited', 'login.rate-limited', { minutes: LOGIN_WINDOW_MINUTES });
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'municipality_code', 'password_hash', 'disabled_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  // An unknown account costs the same scrypt work as a known one: timing tells nothing.
  const checked = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()));
  const ok = user !== undefined && user.disabled_at === null && checked;
  if (!ok || !user) {
    const at = now.toISOString();
    await db
      .insertInto('login_failures')
      .values([
        { key: emailKey, at },
        { key: addressKey, at },
      ])
      .execute();
    throw new SouseiError('unauthenticated', 'login.failed');
  }
  await db.deleteFrom('login_failures').where('key', '=', emailKey).execute();
  return { userId: user.id, municipalityCode: user.municipality_code };
}
