import type { AppContext } from '../../app/app-context.ts';
import { findSession, type SessionInfo } from '../../app/auth/sessions.ts';
import { loadSignedIn } from '../../app/auth/users.ts';

export interface SignedIn {
  session: SessionInfo | null;
  signedIn: Awaited<ReturnType<typeof loadSignedIn>>;
}

/** Sessions remembered per store; emptied when full (a write empties their worth anyway). */
const MAX_SESSIONS = 10_000;
const byStore = new WeakMap<object, Map<string, { mark: string; known: SignedIn }>>();

/**
 * The session behind a cookie and the person it signs in, looked up once per database write:
 * a remembered answer stands until anything is written by any process (sign-out, a disabled
 * account, a changed role or department all are writes) or the session expires. The strict
 * write mark reflects every commit that finished before this request (SQLite: data_version;
 * PostgreSQL: a round trip on the write-notice listener, shared by concurrent requests), so a
 * sign-out or a password change in another process counts from the next request on, as when
 * every request looked up. The mark is read before the look-up, so a write during it only
 * makes the next request look again. Without a mark (PostgreSQL's listener not connected)
 * every request looks up.
 */
export async function signedInBy(ctx: AppContext, token: string): Promise<SignedIn> {
  const mark = await ctx.store.contentVersions.writeMark();
  if (mark === undefined) return lookUp(ctx, token);
  const sessions = byStore.get(ctx.store) ?? new Map();
  byStore.set(ctx.store, sessions);
  const kept = sessions.get(token);
  const live = !kept?.known.session || kept.known.session.expiresAt > ctx.now();
  if (kept?.mark === mark && live) return kept.known;
  const known = await lookUp(ctx, token);
  if (sessions.size >= MAX_SESSIONS) sessions.clear();
  sessions.set(token, { mark, known });
  return known;
}

async function lookUp(ctx: AppContext, token: string): Promise<SignedIn> {
  const session = await findSession(ctx, token);
  const signedIn = session ? await loadSignedIn(ctx, session.userId) : null;
  return { session, signedIn };
}
