import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DialectName, openDatabase } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import {
  createTestDatabase,
  DIALECTS,
  dialectAvailable,
  type TestDatabase,
} from '../../src/store/test-databases.ts';

/**
 * Several processes starting at once each migrate the same empty database (every start does):
 * each must succeed and every migration run exactly once. Three connections race here, which
 * overlaps far more reliably than process start-ups do.
 */
for (const dialect of DIALECTS as DialectName[]) {
  describe.skipIf(!dialectAvailable(dialect))(`migrations started at once on ${dialect}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('all succeed, and each migration is applied once', async () => {
      const opened = [1, 2, 3].map(() => openDatabase(database.url));
      try {
        const results = await Promise.all(opened.map(({ db }) => migrateToLatest(db)));
        for (const result of results) expect(result.error).toBeUndefined();
        const applied = results
          .flatMap((r) => r.results ?? [])
          .filter((r) => r.status === 'Success');
        expect(applied.map((r) => r.migrationName).sort()).toEqual(Object.keys(migrations).sort());
      } finally {
        for (const { db } of opened) await db.destroy();
      }
    });
  });
}
