import type { CachedRepresentation } from './cached-representation.ts';

/**
 * Rendered public responses by request key, least recently used dropped first, bounded in
 * entries and bytes: query strings are the client's to vary, memory is not theirs to fill.
 * Only a speed-up: whether an entry may be served is decided by its version, read each time.
 */
export class RepresentationCache {
  readonly #entries = new Map<string, CachedRepresentation>();
  #bytes = 0;

  constructor(
    readonly maxEntries = 1_000,
    readonly maxBytes = 16 * 1024 * 1024,
  ) {}

  get(key: string): CachedRepresentation | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedRepresentation): void {
    this.delete(key);
    if (entry.size > this.maxBytes) return;
    this.#entries.set(key, entry);
    this.#bytes += entry.size;
    for (const [oldest] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }
}
