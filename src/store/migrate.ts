import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { dialectOf } from './database.ts';
import { migrations } from './migrations/index.ts';
import { ensureWriteNotices } from './write-notice-triggers.ts';

/**
 * On PostgreSQL the migration tables live in the connection's own schema: Kysely otherwise looks
 * for them in every schema of the database, and a second Sousei schema there (tests, a second
 * instance) confuses it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
async function migratorOf(db: Kysely<any>): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema;
  }
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

/** Brings the schema up to date; returns Kysely's result set (it never throws). */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  let migrator: Migrator;
  try {
    migrator = await migratorOf(db);
  } catch (error) {
    return { error };
  }
  // PostgreSQL: Kysely holds an advisory lock for the run, so processes take turns.
  if (dialectOf(db) === 'postgres') return withWriteNotices(db, await migrator.migrateToLatest());
  return migrateSqliteTakingTurns(migrator);
}

/** Tables added since migration 2026-12-01T0300 get their write notice (write-notice-triggers.ts). */
async function withWriteNotices(
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
  db: Kysely<any>,
  result: MigrationResultSet,
): Promise<MigrationResultSet> {
  if (result.error) return result;
  try {
    await ensureWriteNotices(db);
    return result;
  } catch (error) {
    return { ...result, error };
  }
}

const SQLITE_ATTEMPTS = 8;

/**
 * SQLite has no advisory lock, and Kysely runs its migrations outside a transaction there: of
 * two processes starting at once (the server and a command, two servers on one file), both
 * read the schema as behind and the slower one fails on the first table or column the faster
 * one already made, or on the busy database. That statement was its first of the migration,
 * so it wrote nothing: it waits and runs again, then finds the migrations done (or finishes
 * them). Other errors are returned at once.
 */
async function migrateSqliteTakingTurns(migrator: Migrator): Promise<MigrationResultSet> {
  for (let attempt = 1; ; attempt++) {
    const result = await migrator.migrateToLatest();
    if (!result.error || attempt === SQLITE_ATTEMPTS || !lostRace(result.error)) return result;
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}

function lostRace(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) ||
    /already exists|duplicate column name/i.test(error.message)
  );
}

/**
 * Brings the schema up (or down) to the named migration: for tests of a migration on data
 * stored under the schema before it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function migrateTo(db: Kysely<any>, name: string): Promise<MigrationResultSet> {
  // The same schema pinning as migrateToLatest: without it another Sousei schema in the same
  // PostgreSQL database (tests run in parallel, one schema each) was taken for this one's.
  return (await migratorOf(db)).migrateTo(name);
}
