import type { Context } from 'hono';

export type FormBody = Record<string, string | File | (string | File)[]>;

/**
 * The request's form, parsed once with the same options everywhere (Hono caches the first parse,
 * whatever its options): repeated names become arrays.
 */
export function formBody(c: Context): Promise<FormBody> {
  return c.req.parseBody({ all: true }) as Promise<FormBody>;
}

/** One text field, trimmed of nothing (what the person typed is kept as typed). */
export function field(body: FormBody, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}
