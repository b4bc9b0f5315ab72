import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { dialectOf } from './database.ts';
import { migrations } from './migrations/index.ts';

/**
 * Brings the schema up to date; returns Kysely's result set (it never throws). On PostgreSQL the
 * migration tables live in the connection's own schema: Kysely otherwise looks for them in every
 * schema of the database, and a second Sousei schema there (tests, a second instance) confuses it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  let migrationTableSchema: string | undefined;
  if (dialectOf(db) === 'postgres') {
    try {
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
      migrationTableSchema = rows[0]?.schema;
    } catch (error) {
      return { error };
    }
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  return migrator.migrateToLatest();
}

/**
 * Brings the schema up (or down) to the named migration: for tests of a migration on data
 * stored under the schema before it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export function migrateTo(db: Kysely<any>, name: string): Promise<MigrationResultSet> {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(name);
}
