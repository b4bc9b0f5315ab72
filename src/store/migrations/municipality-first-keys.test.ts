import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listColumns, listKeys, listTables } from '../copy/schema-catalog.ts';
import { openDatabase } from '../database.ts';
import { migrateTo, migrateToLatest } from '../migrate.ts';
import {
  createTestDatabase,
  DIALECTS,
  dialectAvailable,
  type TestDatabase,
} from '../test-databases.ts';
import { migrations } from './index.ts';

const NAME = '2026-11-30T2200-municipality-first-keys';
/** The migration listed just before this one: the schema the stored data was written under. */
const PREVIOUS = (() => {
  const names = Object.keys(migrations);
  return names[names.indexOf(NAME) - 1] as string;
})();

/**
 * Keyed by municipality first (issue 11): after every migration, each table holding
 * `municipality_code` has a primary or unique key that starts with it, as the database's own
 * catalog says; and a database holding data under the previous schema migrates with it intact.
 */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`municipality-first keys on ${dialect}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('migrates a database holding data, then every municipal table has a key led by its municipality', async () => {
      const { db } = openDatabase(database.url);
      try {
        expect((await migrateTo(db, PREVIOUS)).error).toBeUndefined();
        await plantRows(db);
        const before = await rowCounts(db);
        expect((await migrateToLatest(db)).error).toBeUndefined();
        expect(await rowCounts(db)).toEqual(before);

        const unkeyed: string[] = [];
        for (const table of await listTables(db)) {
          if (!(await listColumns(db, table)).includes('municipality_code')) continue;
          const keys = await listKeys(db, table);
          if (!keys.some((k) => k.columns[0] === 'municipality_code')) unkeyed.push(table);
        }
        expect(unkeyed).toEqual([]);
        // The new keys are enforced: a second finance row of the same project and year is refused.
        await expect(
          db
            .insertInto('project_finances')
            .values({ ...FINANCE, budget: 1 })
            .execute(),
        ).rejects.toThrow();
      } finally {
        await db.destroy();
      }
    });
  });
}

const CODE = '012050';
const NOW = '2026-11-30T00:00:00Z';
const FINANCE = {
  project_id: 1,
  municipality_code: CODE,
  fiscal_year: 2020,
  budget: 1000,
  settlement: null,
};

// biome-ignore lint/suspicious/noExplicitAny: rows planted under an older schema.
async function plantRows(db: any): Promise<void> {
  await db
    .insertInto('municipalities')
    .values({ code: CODE, name: '室蘭市', created_at: NOW })
    .execute();
  await db
    .insertInto('plans')
    .values({
      id: 1,
      municipality_code: CODE,
      title: '総合戦略',
      kind: '総合戦略',
      first_fiscal_year: 2020,
      last_fiscal_year: 2024,
      levels: '[]',
      amount_unit: '千円',
      conventions: '{}',
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  await db
    .insertInto('plan_nodes')
    .values({
      id: 1,
      municipality_code: CODE,
      plan_id: 1,
      parent_id: null,
      depth: 0,
      position: 0,
      title: '目標',
    })
    .execute();
  await db
    .insertInto('projects')
    .values({
      id: 1,
      municipality_code: CODE,
      plan_id: 1,
      node_id: 1,
      position: 0,
      no: '1',
      name: '事業',
      notes: '[]',
      version: 1,
    })
    .execute();
  await db.insertInto('project_finances').values(FINANCE).execute();
  await db
    .insertInto('users')
    .values({
      id: 1,
      municipality_code: CODE,
      email: 'a@city.example',
      name: 'A',
      role: 'admin',
      password_hash: 'x',
      created_at: NOW,
    })
    .execute();
  await db
    .insertInto('sessions')
    .values({
      id: 'h',
      user_id: 1,
      municipality_code: CODE,
      csrf_token: 'c',
      created_at: NOW,
      expires_at: NOW,
    })
    .execute();
  await db
    .insertInto('plan_years')
    .values({
      plan_id: 1,
      municipality_code: CODE,
      fiscal_year: 2020,
      status: 'published',
      updated_at: NOW,
    })
    .execute();
  await db
    .insertInto('changes')
    .values({
      municipality_code: CODE,
      plan_id: 1,
      project_id: 1,
      fiscal_year: 2020,
      target: '{}',
      origin: 'web',
      at: NOW,
    })
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: any table of the schema.
async function rowCounts(db: any): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'municipalities',
    'plans',
    'plan_nodes',
    'projects',
    'project_finances',
    'users',
    'sessions',
    'plan_years',
    'changes',
  ]) {
    counts[table] = (await db.selectFrom(table).selectAll().execute()).length;
  }
  return counts;
}
