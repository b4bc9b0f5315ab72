import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { migrateTo, migrateToLatest } from './migrate.ts';
import {
  createTestDatabase,
  dialectAvailable,
  postgresBaseUrl,
  type TestDatabase,
} from './test-databases.ts';

const EARLIER = '2026-11-30T1800-tags-finance-details';
const OTHER = 'sousei_migrate_other';

type Database = ReturnType<typeof openDatabase>['db'];

async function onBase(fn: (db: Database) => Promise<unknown>): Promise<void> {
  const { db } = openDatabase(postgresBaseUrl());
  try {
    await fn(db);
  } finally {
    await db.destroy();
  }
}

/**
 * Several Sousei schemas in one PostgreSQL database (tests run in parallel, one schema each; an
 * operator's second instance): migrating one, up to the latest or to a named migration, must use
 * that schema's migration tables only. `migrateTo` once let Kysely find another schema's tables
 * and then fail on its own ("kysely_migration_lock does not exist").
 */
describe.skipIf(!dialectAvailable('postgres'))(
  'migrations in one schema of a shared database',
  () => {
    const schemas: TestDatabase[] = [];
    beforeAll(async () => {
      schemas.push(await createTestDatabase('postgres'), await createTestDatabase('postgres'));
      // Another installation's migration tables, where Kysely looks when it is not told a schema.
      await onBase(async (db) => {
        await db.schema.createSchema(OTHER).ifNotExists().execute();
        const other = db.schema.withSchema(OTHER);
        await other
          .createTable('kysely_migration')
          .ifNotExists()
          .addColumn('name', 'varchar(255)', (c) => c.primaryKey())
          .addColumn('timestamp', 'varchar(255)', (c) => c.notNull())
          .execute();
        await other
          .createTable('kysely_migration_lock')
          .ifNotExists()
          .addColumn('id', 'varchar(255)', (c) => c.primaryKey())
          .addColumn('is_locked', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
      });
    });
    afterAll(async () => {
      for (const schema of schemas) await schema.drop();
      await onBase((db) => db.schema.dropSchema(OTHER).ifExists().cascade().execute());
    });

    it('migrates to a named migration and then to the latest in its own schema', async () => {
      const { db } = openDatabase(schemas[0]?.url);
      try {
        expect((await migrateTo(db, EARLIER)).error).toBeUndefined();
        expect((await migrateToLatest(db)).error).toBeUndefined();
      } finally {
        await db.destroy();
      }
    });

    it('migrates to the latest in its own schema', async () => {
      const { db } = openDatabase(schemas[1]?.url);
      try {
        expect((await migrateToLatest(db)).error).toBeUndefined();
      } finally {
        await db.destroy();
      }
    });
  },
);
