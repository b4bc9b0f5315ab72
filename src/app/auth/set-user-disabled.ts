import { SouseiError } from '../../core/errors.ts';
import type { Actor } from '../../core/permissions.ts';
import type { AppContext } from '../app-context.ts';
import { requireAdmin } from './require-actor.ts';

/**
 * An administrator disables (or enables again) an account of their municipality. A disabled
 * account cannot sign in, and its sessions and API tokens end at once. Nobody disables
 * themself (the municipality would risk having no administrator left). Another city's account
 * is simply not found. Returns the account's email, for saying what was done.
 */
export async function setUserDisabled(
  ctx: AppContext,
  actor: Actor | null,
  target: { municipalityCode: string; userId: number },
  disabled: boolean,
): Promise<{ email: string; changed: boolean }> {
  const admin = requireAdmin(actor, target.municipalityCode);
  const user = await ctx.store.users.get(target.userId);
  if (!user || user.municipalityCode !== target.municipalityCode) {
    throw new SouseiError('not-found', 'user.not-found', { email: String(target.userId) });
  }
  if (disabled && user.id === admin.userId) {
    throw new SouseiError('usage', 'user.cannot-disable-self');
  }
  const changed = await ctx.store.users.setDisabled(
    target.municipalityCode,
    user.id,
    disabled,
    ctx.now(),
  );
  return { email: user.email, changed };
}

/**
 * The operator's form (`sousei user disable`): no actor, the account named by its email. An
 * operator has the database itself, so no role is asked for.
 */
export async function setUserDisabledByOperator(
  ctx: AppContext,
  user: { id: number; municipalityCode: string; email: string },
  disabled: boolean,
): Promise<boolean> {
  return ctx.store.users.setDisabled(user.municipalityCode, user.id, disabled, ctx.now());
}
