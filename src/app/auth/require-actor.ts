import { SouseiError } from '../../core/errors.ts';
import { type Actor, isAdmin } from '../../core/permissions.ts';

/**
 * The guards every members' page and action starts with. Anonymous → sign in; a member of
 * another municipality → not found, as if the plan did not exist (tenancy: no hint of another
 * city's unpublished work); a member without the role → forbidden.
 */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new SouseiError('unauthenticated', 'auth.required');
  return actor;
}

export function requireMember(actor: Actor | null, code: string): Actor {
  const a = requireActor(actor);
  if (a.municipalityCode !== code)
    throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  return a;
}

export function requireAdmin(actor: Actor | null, code: string): Actor {
  const a = requireActor(actor);
  if (!isAdmin(a, code)) throw new SouseiError('forbidden', 'auth.forbidden');
  return a;
}
