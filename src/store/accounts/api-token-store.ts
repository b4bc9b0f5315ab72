import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import { inTransaction } from '../in-transaction.ts';
import type { DB } from '../schema.ts';

export interface ApiTokenRecord {
  id: number;
  name: string;
  userId: number;
  userName: string;
  userEmail: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewApiToken {
  municipalityCode: string;
  userId: number;
  name: string;
  /** SHA-256 (hex) of the secret: the secret itself is never stored. */
  tokenHash: string;
  createdAt: string;
}

/** API tokens: created, listed and revoked within a municipality; found by their hash. */
export function apiTokenStore(db: Kysely<DB>) {
  return {
    async create(token: NewApiToken): Promise<number> {
      return inTransaction(db, async (trx) => {
        // A token is only ever made for an account of the same municipality.
        const owner = await trx
          .selectFrom('users')
          .select('id')
          .where('id', '=', token.userId)
          .where('municipality_code', '=', token.municipalityCode)
          .executeTakeFirst();
        if (!owner) throw new SouseiError('not-found', 'user.not-found', { email: '' });
        const row = await trx
          .insertInto('api_tokens')
          .values({
            municipality_code: token.municipalityCode,
            user_id: token.userId,
            name: token.name,
            token_hash: token.tokenHash,
            created_at: token.createdAt,
            last_used_at: null,
            revoked_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      });
    },

    /** The municipality's tokens, newest first; only `userId`'s when given. */
    async list(municipalityCode: string, userId?: number): Promise<ApiTokenRecord[]> {
      let q = db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .select([
          'api_tokens.id',
          'api_tokens.name',
          'api_tokens.user_id',
          'users.name as user_name',
          'users.email',
          'api_tokens.created_at',
          'api_tokens.last_used_at',
          'api_tokens.revoked_at',
        ])
        .where('api_tokens.municipality_code', '=', municipalityCode)
        .orderBy('api_tokens.id', 'desc');
      if (userId !== undefined) q = q.where('api_tokens.user_id', '=', userId);
      const rows = await q.execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        userId: r.user_id,
        userName: r.user_name,
        userEmail: r.email,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
        revokedAt: r.revoked_at,
      }));
    },

    /** One token of the municipality: its owner and whether it is revoked. */
    async find(municipalityCode: string, tokenId: number) {
      const row = await db
        .selectFrom('api_tokens')
        .select(['id', 'user_id', 'revoked_at'])
        .where('id', '=', tokenId)
        .where('municipality_code', '=', municipalityCode)
        .executeTakeFirst();
      return row
        ? { id: row.id, userId: row.user_id, revoked: row.revoked_at !== null }
        : undefined;
    },

    /** Revokes a token of the municipality; a revoked one keeps its first revocation time. */
    async revoke(municipalityCode: string, tokenId: number, now: string): Promise<void> {
      await inTransaction(db, (trx) =>
        trx
          .updateTable('api_tokens')
          .set({ revoked_at: now })
          .where('id', '=', tokenId)
          .where('municipality_code', '=', municipalityCode)
          .where('revoked_at', 'is', null)
          .execute(),
      );
    },

    /**
     * The live token with this hash: not revoked, of an enabled account that still belongs to
     * the token's municipality (a token never outlives a move of its account).
     */
    async findLive(tokenHash: string) {
      const row = await db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .select([
          'api_tokens.id',
          'api_tokens.user_id',
          'api_tokens.municipality_code',
          'api_tokens.last_used_at',
        ])
        .where('api_tokens.token_hash', '=', tokenHash)
        .where('api_tokens.revoked_at', 'is', null)
        .where('users.disabled_at', 'is', null)
        .whereRef('users.municipality_code', '=', 'api_tokens.municipality_code')
        .executeTakeFirst();
      return row
        ? {
            id: row.id,
            userId: row.user_id,
            municipalityCode: row.municipality_code,
            lastUsedAt: row.last_used_at,
          }
        : undefined;
    },

    /** Notes when a token was used. */
    async touch(municipalityCode: string, tokenId: number, now: string): Promise<void> {
      await inTransaction(db, (trx) =>
        trx
          .updateTable('api_tokens')
          .set({ last_used_at: now })
          .where('id', '=', tokenId)
          .where('municipality_code', '=', municipalityCode)
          .execute(),
      );
    },
  };
}

export type ApiTokenStore = ReturnType<typeof apiTokenStore>;
