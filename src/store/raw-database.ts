import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/**
 * The raw database behind an open store, for the store's own set-up (migrations) and for tests
 * that plant or inspect rows no use case writes. Kept out of the Store type, so use cases cannot
 * reach around the store modules and their rules; lint keeps it out of everything but tests.
 */
const databases = new WeakMap<object, Kysely<DB>>();

export function registerDatabase(store: object, db: Kysely<DB>): void {
  databases.set(store, db);
}

export function databaseOf(store: object): Kysely<DB> {
  const db = databases.get(store);
  if (!db) throw new Error('not an open store');
  return db;
}
