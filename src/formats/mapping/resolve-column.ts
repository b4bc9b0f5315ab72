import { toHalfWidth } from '../../core/half-width.ts';
import type { ColumnRef } from './mapping-schema.ts';

/** A header as compared: half-width, without spaces or line breaks. */
export const normaliseHeader = (text: string) => toHalfWidth(text).replace(/[\s\u3000]+/g, '');

/** 0-based index of a column letter (A → 0, AB → 27). */
export function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The column a reference names among the headers read, or null when none matches. */
export function resolveColumn(headers: readonly string[], ref: ColumnRef): number | null {
  if (typeof ref === 'string') return letterIndex(ref);
  if ('header' in ref) {
    const i = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(ref.header));
    return i === -1 ? null : i;
  }
  const i = headers.findIndex((h) => normaliseHeader(h).includes(normaliseHeader(ref.contains)));
  return i === -1 ? null : i;
}

export type ColumnResolver = (ref: ColumnRef) => number | null;

/** Once the headers are final, each reference is resolved once, not once per row and cell. */
export function cachedResolver(headers: readonly string[]): ColumnResolver {
  const cache = new Map<string, number | null>();
  return (ref) => {
    const key = typeof ref === 'string' ? ref : JSON.stringify(ref);
    let index = cache.get(key);
    if (index === undefined) {
      index = resolveColumn(headers, ref);
      cache.set(key, index);
    }
    return index;
  };
}
