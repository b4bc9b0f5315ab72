import { createHash, randomBytes } from 'node:crypto';
import { SouseiError } from '../../core/errors.ts';
import { type Actor, isAdmin } from '../../core/permissions.ts';
import type { ApiTokenRecord } from '../../store/accounts/api-token-store.ts';
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

/** A token as its page lists it (never its secret). */
export type ApiTokenSummary = ApiTokenRecord;

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
  const id = await ctx.store.apiTokens.create({
    municipalityCode: actor.municipalityCode,
    userId: actor.userId,
    name: clean,
    tokenHash: hashToken(secret),
    createdAt,
  });
  return { id, name: clean, secret, createdAt };
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
  const everyone = options.everyone && isAdmin(actor, actor.municipalityCode);
  return ctx.store.apiTokens.list(actor.municipalityCode, everyone ? undefined : actor.userId);
}

/**
 * Revokes a token: the actor's own, or as an administrator any of their municipality's. Another
 * person's token is simply not found. Revoking a revoked token changes nothing.
 */
export async function revokeApiToken(ctx: AppContext, actor: Actor, tokenId: number) {
  const row = await ctx.store.apiTokens.find(actor.municipalityCode, tokenId);
  if (!row || (row.userId !== actor.userId && !isAdmin(actor, actor.municipalityCode))) {
    throw new SouseiError('not-found', 'token.not-found');
  }
  if (row.revoked) return;
  await ctx.store.apiTokens.revoke(actor.municipalityCode, row.id, ctx.now());
}

/**
 * The person a bearer secret stands for, or null: unknown, malformed or revoked tokens and
 * disabled accounts give null. Notes when the token was used.
 */
export async function authenticateToken(ctx: AppContext, secret: string): Promise<Actor | null> {
  if (!SECRET.test(secret)) return null;
  const row = await ctx.store.apiTokens.findLive(hashToken(secret));
  if (!row) return null;
  const actor = await loadActor(ctx, row.userId);
  if (!actor) return null;
  const now = ctx.now();
  const last = row.lastUsedAt ? Date.parse(row.lastUsedAt) : Number.NaN;
  if (!(Date.parse(now) - last < LAST_USED_RESOLUTION_MS)) {
    await ctx.store.apiTokens.touch(row.municipalityCode, row.id, now);
  }
  return actor;
}
