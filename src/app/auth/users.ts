import { SouseiError } from '../../core/errors.ts';
import { type Actor, ROLES, type Role } from '../../core/permissions.ts';
import type { AppContext } from '../app-context.ts';
import { knownMunicipality } from '../known-municipality.ts';
import { hashPassword, passwordProblem } from './password.ts';

export interface NewUser {
  municipalityCode: string;
  municipalityName?: string;
  email: string;
  name?: string;
  role: string;
  password: string;
  /** Department names (editors); created when missing. */
  departments?: string[];
}

export interface UserSummary {
  id: number;
  email: string;
  name: string;
  role: Role;
  departments: string[];
  disabled: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates an account; its municipality is registered when new, named from the list (a name given
 * with the code must agree with it).
 */
export async function createUser(ctx: AppContext, input: NewUser): Promise<number> {
  const municipality = knownMunicipality(input.municipalityCode, input.municipalityName);
  const code = municipality.code;
  if (!(ROLES as readonly string[]).includes(input.role)) {
    throw new SouseiError('usage', 'user.invalid-role', { role: input.role });
  }
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email))
    throw new SouseiError('usage', 'user.invalid-email', { email: input.email });
  const problem = passwordProblem(input.password);
  if (problem) throw new SouseiError('usage', problem);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.municipalities.find(code))) {
      await tx.municipalities.ensure({ code, name: municipality.name }, now);
    }
    const departmentIds: number[] = [];
    for (const name of input.departments ?? []) {
      departmentIds.push(await tx.departments.ensure(code, name));
    }
    return tx.users.create({
      municipalityCode: code,
      email,
      name: input.name?.trim() || email,
      role: input.role as Role,
      passwordHash,
      departmentIds,
      createdAt: now,
    });
  });
}

/**
 * Sets an account's password (an operator's reset, demo mode's new passwords). Every session of
 * the account ends and every API token it had is revoked.
 */
export async function setPassword(
  ctx: AppContext,
  userId: number,
  password: string,
): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new SouseiError('usage', problem);
  const user = await ctx.store.users.get(userId);
  if (!user) throw new SouseiError('not-found', 'user.not-found', { email: String(userId) });
  const passwordHash = await hashPassword(password);
  await ctx.store.users.setPasswordHash(user.municipalityCode, userId, passwordHash, ctx.now());
}

/** The account with this email (any case, spaces around ignored), or not found. */
export async function findUserByEmail(ctx: AppContext, email: string) {
  const user = await ctx.store.users.findByEmail(normaliseEmail(email));
  if (!user) throw new SouseiError('not-found', 'user.not-found', { email });
  return user;
}

/** The person an enabled account acts as, with its display name, or null (unknown or disabled). */
export async function loadSignedIn(
  ctx: AppContext,
  userId: number,
): Promise<{ actor: Actor; name: string } | null> {
  const user = await ctx.store.users.get(userId);
  if (!user || user.disabled) return null;
  const actor: Actor = {
    userId: user.id,
    municipalityCode: user.municipalityCode,
    role: user.role,
    departmentIds: user.departmentIds,
  };
  return { actor, name: user.name };
}

/** The person an enabled account acts as, or null (unknown or disabled). */
export async function loadActor(ctx: AppContext, userId: number): Promise<Actor | null> {
  return (await loadSignedIn(ctx, userId))?.actor ?? null;
}

export async function listUsers(ctx: AppContext, municipalityCode: string): Promise<UserSummary[]> {
  const users = await ctx.store.users.list(municipalityCode);
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    departments: u.departments,
    disabled: u.disabled,
  }));
}
