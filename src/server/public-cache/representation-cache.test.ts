import { describe, expect, it } from 'vitest';
import { acceptedEncoding } from './accepted-encoding.ts';
import type { CachedRepresentation } from './cached-representation.ts';
import { RepresentationCache } from './representation-cache.ts';

const entry = (size: number): CachedRepresentation => ({
  version: 'v',
  etag: '"e"',
  headers: {},
  bodies: { identity: new Uint8Array(size), br: new Uint8Array(0), gzip: new Uint8Array(0) },
  sent: { identity: sent, br: sent, gzip: sent },
  size,
});
const sent = { etag: '"e"', ok: {}, notModified: {} };

describe('the representation cache', () => {
  it('stays within its bytes and entries, dropping the least recently used first', () => {
    const cache = new RepresentationCache(3, 1_000);
    cache.set('/a', entry(400));
    cache.set('/b', entry(400));
    cache.get('/a'); // used: /b is now the oldest
    cache.set('/c', entry(400));
    expect(cache.get('/b')).toBeUndefined();
    expect(cache.get('/a')).toBeDefined();
    expect(cache.bytes).toBe(800);
    for (const key of ['/d', '/e', '/f', '/g']) cache.set(key, entry(10));
    expect(cache.size).toBe(3);
    cache.set('/huge', entry(5_000));
    expect(cache.get('/huge')).toBeUndefined();
  });
});

describe('the accepted encoding', () => {
  it.each([
    [undefined, 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', 'identity'],
    ['BR', 'br'],
  ])('%s → %s', (header, coding) => {
    expect(acceptedEncoding(header)).toBe(coding);
  });
});
