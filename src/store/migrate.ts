import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';

/** Brings the schema up to date; returns Kysely's result set (it never throws). */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  return migrator.migrateToLatest();
}
