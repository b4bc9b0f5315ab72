import { SouseiError } from '../../core/errors.ts';
import type { Actor } from '../../core/permissions.ts';
import type { AppContext } from '../app-context.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { LOGIN_WINDOW_MINUTES, MAX_FAILURES_PER_EMAIL } from './sessions.ts';

export interface PasswordChange {
  current: string;
  password: string;
  again: string;
}

/** The form's fields a refusal points at. */
export type PasswordField = 'current' | 'password' | 'again';

/** A refused change: which field, and the catalogue key saying why. */
export class PasswordChangeRefused extends SouseiError {
  readonly field: PasswordField;
  constructor(field: PasswordField, messageKey: string) {
    super('usage', messageKey);
    this.field = field;
  }
}

/**
 * A signed-in person changes their own password: the current one proves it is them (wrong
 * guesses count towards the login throttle, so a left-open session cannot be used to guess it),
 * the new one is typed twice. Every session and API token of the account ends with it.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  actor: Actor,
  change: PasswordChange,
): Promise<void> {
  const user = await ctx.store.users.get(actor.userId);
  const stored = await ctx.store.users.passwordHash(actor.municipalityCode, actor.userId);
  if (!user || stored === undefined) throw new SouseiError('unauthenticated', 'auth.required');
  if (change.current === '')
    throw new PasswordChangeRefused('current', 'password.current-required');
  const key = `email:${user.email}`;
  const now = new Date(ctx.now());
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  if ((await ctx.store.loginFailures.count(key, since)) >= MAX_FAILURES_PER_EMAIL) {
    throw new SouseiError('rate-limited', 'login.rate-limited', { minutes: LOGIN_WINDOW_MINUTES });
  }
  if (!(await verifyPassword(change.current, stored))) {
    await ctx.store.loginFailures.record([key], now.toISOString());
    throw new PasswordChangeRefused('current', 'password.current-wrong');
  }
  const problem = passwordProblem(change.password);
  if (problem) throw new PasswordChangeRefused('password', problem);
  if (change.password === change.current) {
    throw new PasswordChangeRefused('password', 'password.same-as-current');
  }
  if (change.again !== change.password) {
    throw new PasswordChangeRefused('again', 'user.password-mismatch');
  }
  const hash = await hashPassword(change.password);
  await ctx.store.users.setPasswordHash(actor.municipalityCode, actor.userId, hash, ctx.now());
}
