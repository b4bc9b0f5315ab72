import type { Kysely } from 'kysely';
import { inTransaction } from '../in-transaction.ts';
import type { DB } from '../schema.ts';

export interface SessionRecord {
  /** SHA-256 of the cookie's token. */
  id: string;
  userId: number;
  municipalityCode: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** Signed-in sessions, found by the hash of the cookie's token. */
export function sessionStore(db: Kysely<DB>) {
  return {
    async create(session: SessionRecord): Promise<void> {
      await inTransaction(db, (trx) =>
        trx
          .insertInto('sessions')
          .values({
            id: session.id,
            user_id: session.userId,
            municipality_code: session.municipalityCode,
            csrf_token: session.csrfToken,
            created_at: session.createdAt,
            expires_at: session.expiresAt,
          })
          .execute(),
      );
    },

    /**
     * The live session with this id: not expired at `now`, of an enabled account that still
     * belongs to the session's municipality.
     */
    async findLive(id: string, now: string): Promise<SessionRecord | undefined> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id',
          'sessions.user_id',
          'sessions.municipality_code',
          'sessions.csrf_token',
          'sessions.created_at',
          'sessions.expires_at',
        ])
        .where('sessions.id', '=', id)
        .where('sessions.expires_at', '>', now)
        .where('users.disabled_at', 'is', null)
        .whereRef('users.municipality_code', '=', 'sessions.municipality_code')
        .executeTakeFirst();
      return row
        ? {
            id: row.id,
            userId: row.user_id,
            municipalityCode: row.municipality_code,
            csrfToken: row.csrf_token,
            createdAt: row.created_at,
            expiresAt: row.expires_at,
          }
        : undefined;
    },

    async delete(id: string): Promise<void> {
      await inTransaction(db, (trx) => trx.deleteFrom('sessions').where('id', '=', id).execute());
    },
  };
}

export type SessionStore = ReturnType<typeof sessionStore>;
