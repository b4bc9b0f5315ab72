import type { Database as SQLiteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept per connection; a page runs a few dozen distinct SQL texts. */
export const MAX_CACHED_STATEMENTS = 500;

/** DDL changes what a statement compiles to: a migration empties the cache. */
const SCHEMA_CHANGE = /^\s*(?:create|alter|drop)\b/i;

export interface StatementCache extends SqliteDatabase {
  /** How many prepared statements are kept (for tests). */
  readonly size: number;
}

/**
 * better-sqlite3 as kysely's SqliteDialect sees it, with one prepared statement kept per SQL
 * text (least recently used goes first): kysely prepares anew for every query, which costs
 * more than most of our reads themselves. A statement is reusable once a call returns; the one
 * exception is a statement still iterating (kysely's stream()), so a busy one is never handed
 * out again while busy: that caller gets a statement of its own.
 */
export function cacheStatements(
  database: SQLiteDatabase,
  max = MAX_CACHED_STATEMENTS,
): StatementCache {
  const kept = new Map<string, Statement>();
  return {
    get size() {
      return kept.size;
    },
    close() {
      kept.clear();
      database.close();
    },
    prepare(sql: string) {
      if (SCHEMA_CHANGE.test(sql)) {
        kept.clear();
        return database.prepare(sql);
      }
      const statement = kept.get(sql);
      if (statement && !statement.busy) {
        kept.delete(sql); // re-inserted: the Map's order is the recency order
        kept.set(sql, statement);
        return statement;
      }
      if (statement) return database.prepare(sql);
      const fresh = database.prepare(sql);
      kept.set(sql, fresh);
      for (const [oldest] of kept) {
        if (kept.size <= max) break;
        kept.delete(oldest);
      }
      return fresh;
    },
  };
}
