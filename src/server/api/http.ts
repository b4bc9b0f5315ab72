import { createHash, randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { z } from 'zod';
import { authenticateToken } from '../../app/auth/api-tokens.ts';
import { ERROR_STATUS } from '../../app/error-status.ts';
import { type ErrorCode, SouseiError } from '../../core/errors.ts';
import type { Actor } from '../../core/permissions.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import type { ApiErrorBody } from './schemas.ts';

/**
 * The API's HTTP conventions: bearer authentication only, JSON errors with a stable code and a
 * catalogue message, strong ETags and If-None-Match on reads, caching by who is asking.
 */

type ApiContext = Context<ServerEnv>;

/** A refusal with a body of its own (field errors, the current values of a conflict). */
export class ApiProblem extends SouseiError {
  readonly details: Omit<ApiErrorBody['error'], 'code' | 'message'>;
  constructor(
    code: ErrorCode,
    messageKey: string,
    params: Record<string, string | number | null>,
    details: Omit<ApiErrorBody['error'], 'code' | 'message'>,
  ) {
    super(code, messageKey, params);
    this.details = details;
  }
}

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

/**
 * Who is asking: the token's user with `Authorization: Bearer …`, otherwise the public. Cookies
 * are never read here, so a browser's session cannot act through the API (no CSRF to defend);
 * a token that is malformed, unknown or revoked is refused rather than read as the public.
 */
export const apiAuth = createMiddleware<ServerEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  c.set('actor', null);
  c.set('actorName', null);
  c.set('sessionToken', null);
  if (header !== undefined && header.trim() !== '') {
    const secret = BEARER.exec(header)?.[1];
    const actor = secret ? await authenticateToken(c.get('app'), secret) : null;
    if (!actor) throw new SouseiError('unauthenticated', 'api.token-invalid');
    c.set('actor', actor);
    // A client that saved through another process reads its save here (read-your-writes).
    await c.get('app').store.contentVersions.catchUp();
  }
  await next();
});

/** The token's user, or 401: every write needs a token. */
export function requireToken(c: ApiContext): Actor {
  const actor = c.get('actor');
  if (!actor) throw new SouseiError('unauthenticated', 'api.token-required');
  return actor;
}

/** Strong validator of a representation: the SHA-256 of its bytes. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match (RFC 9110 §13.1.2): `*` or any listed tag equal by the weak comparison. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

/**
 * A read's response: JSON with a strong ETag, 304 when the client has it already. The public's
 * responses may be cached anywhere for a minute; a token's never leave the client.
 */
export function sendRead(
  c: ApiContext,
  body: unknown,
  options: { headers?: Record<string, string>; anyone?: boolean } = {},
) {
  const text = JSON.stringify(body);
  const etag = etagOf(text);
  const shared = options.anyone === true || c.get('actor') === null;
  const headers: Record<string, string> = {
    ...options.headers,
    ETag: etag,
    'Cache-Control': shared ? 'public, max-age=60' : 'private, no-store',
    Vary: 'Authorization',
  };
  if (matchesIfNoneMatch(c.req.header('if-none-match'), etag)) {
    return c.body(null, 304, headers);
  }
  return c.body(text, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
}

/** A write's response: JSON, never cached. */
export function sendJson(c: ApiContext, status: 200 | 201, body: unknown) {
  return c.body(JSON.stringify(body), status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
}

/** The request's JSON body checked against `schema`; 400 when not JSON, 422 with field errors. */
export async function readBody<S extends z.ZodType>(
  c: ApiContext,
  schema: S,
): Promise<z.output<S>> {
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch {
    throw new SouseiError('usage', 'api.invalid-json');
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ApiProblem(
    'invalid-input',
    'api.invalid-body',
    {},
    { fields: fieldErrors(parsed.error, value) },
  );
}

/** Whether `value` has something at `path` (a missing field and a wrong type read differently). */
function present(value: unknown, path: readonly PropertyKey[]): boolean {
  let at: unknown = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return false;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at !== undefined;
}

/** Zod's issues as Japanese messages by field path (`budget`, `comment`, `(本文)`). */
export function fieldErrors(error: z.ZodError, input: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  const at = (path: readonly PropertyKey[]) => (path.length ? path.join('.') : '(本文)');
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[at([...issue.path, key])] = t('api.field.unknown');
      continue;
    }
    const key = at(issue.path);
    if (fields[key]) continue;
    if (!present(input, issue.path)) {
      fields[key] = t('api.field.required');
    } else if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
      fields[key] = t('api.field.type');
    } else if (issue.code === 'invalid_value') {
      fields[key] = t('api.field.choice', { values: issue.values.map(String).join('・') });
    } else if (issue.code === 'too_big' || issue.code === 'too_small') {
      fields[key] = t('api.field.range');
    } else {
      fields[key] = t('api.field.invalid');
    }
  }
  return fields;
}

/** Errors as `{ "error": { "code", "message" } }`; unknown ones never show their details. */
export function apiErrorResponse(error: Error, c: ApiContext) {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    Vary: 'Authorization',
  };
  if (error instanceof SouseiError) {
    const body: ApiErrorBody = {
      error: {
        code: error.code,
        message: t(error.messageKey, error.params),
        ...(error instanceof ApiProblem ? error.details : {}),
      },
    };
    if (error.code === 'unauthenticated') {
      headers['WWW-Authenticate'] =
        error.messageKey === 'api.token-invalid'
          ? 'Bearer realm="sousei", error="invalid_token"'
          : 'Bearer realm="sousei"';
    }
    const status = ERROR_STATUS[error.code].http;
    return c.body(JSON.stringify(body), status as 400, headers);
  }
  const ref = randomUUID().slice(0, 8);
  console.error(`[${ref}]`, error);
  const body: ApiErrorBody = { error: { code: 'internal', message: t('internal', { ref }) } };
  return c.body(JSON.stringify(body), 500, headers);
}
