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
  size: number;
}

/** The ETag of one coding: a strong validator names one representation, so codings differ. */
export function etagFor(entry: CachedRepresentation, coding: Coding): string {
  return coding === 'identity' ? entry.etag : `${entry.etag.slice(0, -1)}-${coding}"`;
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
  return {
    version,
    etag: etagOf(text),
    headers,
    bodies: { identity, br, gzip: gz },
    size: identity.byteLength + br.byteLength + gz.byteLength,
  };
}
