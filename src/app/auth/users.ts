import { SouseiError } from '../../core/errors.ts';
import { parseMunicipalityCode } from '../../core/municipality-code.ts';
import { type Actor, ROLES, type Role } from '../../core/permissions.ts';
import type { AppContext } from '../app-context.ts';
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

/** Creates an account; the municipality is registered when new (a name is then needed). */
export async function createUser(ctx: AppContext, input: NewUser): Promise<number> {
  const code = parseMunicipalityCode(input.municipalityCode);
  if (!code)
    throw new SouseiError('usage', 'municipality.invalid-code', { code: input.municipalityCode });
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
  return ctx.store.db.transaction().execute(async (trx) => {
    const municipality = await trx
      .selectFrom('municipalities')
      .select('code')
      .where('code', '=', code)
      .executeTakeFirst();
    if (!municipality) {
      if (!input.municipalityName)
        throw new SouseiError('usage', 'municipality.name-required', { code });
      await trx
        .insertInto('municipalities')
        .values({ code, name: input.municipalityName, created_at: now })
        .execute();
    }
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (taken) throw new SouseiError('conflict', 'user.email-taken', { email });
    const user = await trx
      .insertInto('users')
      .values({
        municipality_code: code,
        email,
        name: input.name?.trim() || email,
        role: input.role,
        password_hash: passwordHash,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const name of input.departments ?? []) {
      await trx
        .insertInto('departments')
        .values({ municipality_code: code, name })
        .onConflict((oc) => oc.columns(['municipality_code', 'name']).doNothing())
        .execute();
      const department = await trx
        .selectFrom('departments')
        .select('id')
        .where('municipality_code', '=', code)
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('user_departments')
        .values({ user_id: user.id, department_id: department.id, municipality_code: code })
        .execute();
    }
    return user.id;
  });
}

export async function setPassword(
  ctx: AppContext,
  userId: number,
  password: string,
): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new SouseiError('usage', problem);
  const password_hash = await hashPassword(password);
  await ctx.store.db.updateTable('users').set({ password_hash }).where('id', '=', userId).execute();
  // A new password ends every open session of the account.
  await ctx.store.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function loadActor(ctx: AppContext, userId: number): Promise<Actor | null> {
  const user = await ctx.store.db
    .selectFrom('users')
    .select(['id', 'municipality_code', 'role', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled_at !== null) return null;
  const departments = await ctx.store.db
    .selectFrom('user_departments')
    .select('department_id')
    .where('user_id', '=', userId)
    .execute();
  return {
    userId: user.id,
    municipalityCode: user.municipality_code,
    role: user.role as Role,
    departmentIds: departments.map((d) => d.department_id),
  };
}

export async function listUsers(ctx: AppContext, municipalityCode: string): Promise<UserSummary[]> {
  const users = await ctx.store.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'disabled_at'])
    .where('municipality_code', '=', municipalityCode)
    .orderBy('id')
    .execute();
  const links = await ctx.store.db
    .selectFrom('user_departments')
    .innerJoin('departments', 'departments.id', 'user_departments.department_id')
    .select(['user_departments.user_id', 'departments.name'])
    .where('user_departments.municipality_code', '=', municipalityCode)
    .execute();
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    departments: links.filter((l) => l.user_id === u.id).map((l) => l.name),
    disabled: u.disabled_at !== null,
  }));
}
