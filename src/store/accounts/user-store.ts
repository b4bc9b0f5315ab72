import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import type { Role } from '../../core/permissions.ts';
import { inTransaction } from '../in-transaction.ts';
import type { DB } from '../schema.ts';
import { endAccess } from './end-access.ts';

/** An account as the store knows it (never its password hash, except for `credentials`). */
export interface UserRecord {
  id: number;
  municipalityCode: string;
  email: string;
  name: string;
  role: Role;
  departmentIds: number[];
  disabled: boolean;
}

export interface UserListing extends Omit<UserRecord, 'departmentIds'> {
  departments: string[];
}

export interface NewUserRecord {
  municipalityCode: string;
  /** Already normalised (trimmed, lower case). */
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  departmentIds: readonly number[];
  createdAt: string;
}

/** Accounts and their departments (users, user_departments). */
export function userStore(db: Kysely<DB>) {
  const record = async (
    where: { id: number } | { email: string },
  ): Promise<UserRecord | undefined> => {
    let q = db
      .selectFrom('users')
      .select(['id', 'municipality_code', 'email', 'name', 'role', 'disabled_at']);
    q = 'id' in where ? q.where('id', '=', where.id) : q.where('email', '=', where.email);
    const user = await q.executeTakeFirst();
    if (!user) return undefined;
    const departments = await db
      .selectFrom('user_departments')
      .select('department_id')
      .where('user_id', '=', user.id)
      .where('municipality_code', '=', user.municipality_code)
      .orderBy('department_id')
      .execute();
    return {
      id: user.id,
      municipalityCode: user.municipality_code,
      email: user.email,
      name: user.name,
      role: user.role as Role,
      departmentIds: departments.map((d) => d.department_id),
      disabled: user.disabled_at !== null,
    };
  };

  return {
    /** An account by id, whatever its municipality (sessions and tokens name only the id). */
    get: (userId: number) => record({ id: userId }),

    /** An account by its (normalised) email, the login name, unique across municipalities. */
    findByEmail: (email: string) => record({ email }),

    /** The stored hash and state for checking a password at login. */
    async credentials(email: string) {
      const row = await db
        .selectFrom('users')
        .select(['id', 'municipality_code', 'password_hash', 'disabled_at'])
        .where('email', '=', email)
        .executeTakeFirst();
      return row
        ? {
            userId: row.id,
            municipalityCode: row.municipality_code,
            passwordHash: row.password_hash,
            disabled: row.disabled_at !== null,
          }
        : undefined;
    },

    /** The password hash of one account of the municipality (for checking the current one). */
    async passwordHash(municipalityCode: string, userId: number): Promise<string | undefined> {
      const row = await db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', userId)
        .where('municipality_code', '=', municipalityCode)
        .executeTakeFirst();
      return row?.password_hash;
    },

    /** The municipality's accounts with their departments' names, oldest first. */
    async list(municipalityCode: string): Promise<UserListing[]> {
      const users = await db
        .selectFrom('users')
        .select(['id', 'municipality_code', 'email', 'name', 'role', 'disabled_at'])
        .where('municipality_code', '=', municipalityCode)
        .orderBy('id')
        .execute();
      const links = await db
        .selectFrom('user_departments')
        .innerJoin('departments', 'departments.id', 'user_departments.department_id')
        .select(['user_departments.user_id', 'departments.name'])
        .where('user_departments.municipality_code', '=', municipalityCode)
        .orderBy('departments.name')
        .execute();
      return users.map((u) => ({
        id: u.id,
        municipalityCode: u.municipality_code,
        email: u.email,
        name: u.name,
        role: u.role as Role,
        departments: links.filter((l) => l.user_id === u.id).map((l) => l.name),
        disabled: u.disabled_at !== null,
      }));
    },

    /** Adds an account; an email already in use (anywhere) is a conflict. */
    async create(user: NewUserRecord): Promise<number> {
      return inTransaction(db, async (trx) => {
        const taken = await trx
          .selectFrom('users')
          .select('id')
          .where('email', '=', user.email)
          .executeTakeFirst();
        if (taken) throw new SouseiError('conflict', 'user.email-taken', { email: user.email });
        const row = await trx
          .insertInto('users')
          .values({
            municipality_code: user.municipalityCode,
            email: user.email,
            name: user.name,
            role: user.role,
            password_hash: user.passwordHash,
            created_at: user.createdAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const departmentId of user.departmentIds) {
          // Only a department of the same municipality can be linked.
          const department = await trx
            .selectFrom('departments')
            .select('id')
            .where('id', '=', departmentId)
            .where('municipality_code', '=', user.municipalityCode)
            .executeTakeFirst();
          if (!department) throw new SouseiError('not-found', 'user.department-not-found');
          await trx
            .insertInto('user_departments')
            .values({
              user_id: row.id,
              department_id: department.id,
              municipality_code: user.municipalityCode,
            })
            .onConflict((oc) =>
              oc.columns(['municipality_code', 'user_id', 'department_id']).doNothing(),
            )
            .execute();
        }
        return row.id;
      });
    },

    /**
     * Replaces the password hash. In the same transaction every session of the account ends and
     * every API token is revoked: whoever knew the old password keeps no way in.
     */
    async setPasswordHash(
      municipalityCode: string,
      userId: number,
      passwordHash: string,
      now: string,
    ): Promise<void> {
      await inTransaction(db, async (trx) => {
        const changed = await trx
          .updateTable('users')
          .set({ password_hash: passwordHash })
          .where('id', '=', userId)
          .where('municipality_code', '=', municipalityCode)
          .executeTakeFirst();
        if (Number(changed.numUpdatedRows) === 0) {
          throw new SouseiError('not-found', 'user.not-found', { email: '' });
        }
        await endAccess(trx, { municipalityCode, userId }, now);
      });
    },

    /**
     * Disables (or enables again) an account of the municipality. Disabling ends its sessions
     * and revokes its API tokens in the same transaction. Returns whether anything changed.
     */
    async setDisabled(
      municipalityCode: string,
      userId: number,
      disabled: boolean,
      now: string,
    ): Promise<boolean> {
      return inTransaction(db, async (trx) => {
        const changed = await trx
          .updateTable('users')
          .set({ disabled_at: disabled ? now : null })
          .where('id', '=', userId)
          .where('municipality_code', '=', municipalityCode)
          .where('disabled_at', disabled ? 'is' : 'is not', null)
          .executeTakeFirst();
        if (disabled) await endAccess(trx, { municipalityCode, userId }, now);
        return Number(changed.numUpdatedRows) > 0;
      });
    },
  };
}

export type UserStore = ReturnType<typeof userStore>;
