import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { etagOf } from '../api/http.ts';
import type { Coding } from './accepted-encoding.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** A rendered public response, kept once per content version in every coding it is sent in. */
export interface CachedRepresentation {
  version: string;
  /** The strong validator of the identity bytes; each coding's own is derived from it. */
  etag: string;
  headers: Record<string, string>;
  bodies: Record<Coding, Uint8Array>;
  /** What each coding is sent with, built once: a hit only looks it up. */
  sent: Record<Coding, SentHeaders>;
  size: number;
}

/** The headers of a 200 (length and coding included) and of a 304 in one coding. */
export interface SentHeaders {
  etag: string;
  ok: Record<string, string>;
  notModified: Record<string, string>;
}

function sentHeaders(
  headers: Record<string, string>,
  etag: string,
  coding: Coding,
  body: Uint8Array,
): SentHeaders {
  const notModified = { ...headers, etag };
  const ok: Record<string, string> = { ...notModified };
  if (coding !== 'identity') ok['content-encoding'] = coding;
  ok['content-length'] = String(body.byteLength);
  return { etag, ok, notModified };
}

/** The ETag of one coding: a strong validator names one representation, so codings differ. */
function etagFor(etag: string, coding: Coding): string {
  return coding === 'identity' ? etag : `${etag.slice(0, -1)}-${coding}"`;
}

/**
 * Compresses a rendered body once, when its version is first rendered, so later requests only
 * copy bytes. Brotli at quality 9 keeps the first render short; it still beats gzip -9.
 */
export async function cachedRepresentation(
  version: string,
  text: string,
  headers: Record<string, string>,
): Promise<CachedRepresentation> {
  const identity = new TextEncoder().encode(text);
  const [br, gz] = await Promise.all([
    brotli(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength,
      },
    }),
    gzipAsync(identity, { level: 9 }),
  ]);
  const etag = etagOf(text);
  const bodies = { identity, br, gzip: gz };
  const sent = (coding: Coding) =>
    sentHeaders(headers, etagFor(etag, coding), coding, bodies[coding]);
  return {
    version,
    etag,
    headers,
    bodies,
    sent: { identity: sent('identity'), br: sent('br'), gzip: sent('gzip') },
    size: identity.byteLength + br.byteLength + gz.byteLength,
  };
}
