import { createHash, randomBytes } from 'node:crypto';
import { SouseiError } from '../../core/errors.ts';
import { type Actor, isAdmin } from '../../core/permissions.ts';
import type { AppContext } from '../app-context.ts';
import { loadActor } from './users.ts';

/**
 * API tokens for scripts (issue #5). A token acts as its user, with that user's current role and
 * departments; it is shown once when created and only its SHA-256 is stored. The owner revokes
 * it, as may an administrator of the same municipality; a disabled account's tokens stop working.
 */
export const TOKEN_PREFIX = 'sousei_';
export const MAX_TOKEN_NAME = 100;
/** `last_used_at` is written at most this often per token, so reads do not all become writes. */
const LAST_USED_RESOLUTION_MS = 60_000;
const SECRET = /^sousei_[A-Za-z0-9_-]{43}$/;

export const hashToken = (secret: string) => createHash('sha256').update(secret).digest('hex');

export interface ApiTokenSummary {
  id: number;
  name: string;
  userId: number;
  userName: string;
  userEmail: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiToken {
  id: number;
  name: string;
  /** The secret: shown once, never stored. */
  secret: string;
  createdAt: string;
}

function tokenName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new SouseiError('usage', 'token.name-required');
  if (trimmed.length > MAX_TOKEN_NAME) {
    throw new SouseiError('usage', 'token.name-too-long', { max: MAX_TOKEN_NAME });
  }
  return trimmed;
}

/** A new token for the actor; the secret is returned once. */
export async function createApiToken(
  ctx: AppContext,
  actor: Actor,
  name: string,
): Promise<CreatedApiToken> {
  const clean = tokenName(name);
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const createdAt = ctx.now();
  const row = await ctx.store.db
    .insertInto('api_tokens')
    .values({
      municipality_code: actor.municipalityCode,
      user_id: actor.userId,
      name: clean,
      token_hash: hashToken(secret),
      created_at: createdAt,
      last_used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, name: clean, secret, createdAt };
}

/**
 * The actor's own tokens, newest first; with `everyone`, an administrator gets every token of
 * their municipality (others get their own all the same).
 */
export async function listApiTokens(
  ctx: AppContext,
  actor: Actor,
  options: { everyone?: boolean } = {},
): Promise<ApiTokenSummary[]> {
  let q = ctx.store.db
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
    .where('api_tokens.municipality_code', '=', actor.municipalityCode)
    .orderBy('api_tokens.id', 'desc');
  if (!(options.everyone && isAdmin(actor, actor.municipalityCode))) {
    q = q.where('api_tokens.user_id', '=', actor.userId);
  }
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
}

/**
 * Revokes a token: the actor's own, or as an administrator any of their municipality's. Another
 * person's token is simply not found. Revoking a revoked token changes nothing.
 */
export async function revokeApiToken(ctx: AppContext, actor: Actor, tokenId: number) {
  const db = ctx.store.db;
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'revoked_at'])
    .where('id', '=', tokenId)
    .where('municipality_code', '=', actor.municipalityCode)
    .executeTakeFirst();
  if (!row || (row.user_id !== actor.userId && !isAdmin(actor, actor.municipalityCode))) {
    throw new SouseiError('not-found', 'token.not-found');
  }
  if (row.revoked_at !== null) return;
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: ctx.now() })
    .where('id', '=', row.id)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * The person a bearer secret stands for, or null: unknown, malformed or revoked tokens and
 * disabled accounts give null. Notes when the token was used.
 */
export async function authenticateToken(ctx: AppContext, secret: string): Promise<Actor | null> {
  if (!SECRET.test(secret)) return null;
  const db = ctx.store.db;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.user_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', hashToken(secret))
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    // A token never outlives a move of its account to another municipality.
    .whereRef('users.municipality_code', '=', 'api_tokens.municipality_code')
    .executeTakeFirst();
  if (!row) return null;
  const actor = await loadActor(ctx, row.user_id);
  if (!actor) return null;
  const now = ctx.now();
  const last = row.last_used_at ? Date.parse(row.last_used_at) : Number.NaN;
  if (!(Date.parse(now) - last < LAST_USED_RESOLUTION_MS)) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', row.id)
      .execute();
  }
  return actor;
}
