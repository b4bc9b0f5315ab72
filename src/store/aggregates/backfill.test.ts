import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../database.ts';
import { migrateTo } from '../migrate.ts';
import { plantPlan } from '../migrations/migration-test-support.ts';
import { openStore } from '../store.ts';
import {
  createTestDatabase,
  DIALECTS,
  dialectAvailable,
  type TestDatabase,
} from '../test-databases.ts';

/**
 * A database whose years were published before the aggregates existed: after the migration,
 * the first read of the cross-municipality view fills them in (and only for published years).
 */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`published aggregates backfill on ${dialect}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('an existing published year gets its aggregates; an open one does not', async () => {
      const { db } = openDatabase(database.url);
      expect((await migrateTo(db, '2026-11-30T1800-tags-finance-details')).error).toBeUndefined();
      const now = '2026-11-30T00:00:00Z';
      const code = '272035';
      const planId = await plantPlan(db, {
        code,
        name: '豊中市',
        title: '総合戦略',
        kind: 'sousei',
        now,
      });
      const { id: nodeId } = await db
        .insertInto('plan_nodes')
        .values({
          municipality_code: code,
          plan_id: planId,
          parent_id: null,
          depth: 0,
          position: 0,
          title: 'しごと',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: projectId } = await db
        .insertInto('projects')
        .values({
          municipality_code: code,
          plan_id: planId,
          node_id: nodeId,
          position: 0,
          no: '1',
          name: '事業',
          notes: '[]',
          department_id: null,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [fiscal_year, status] of [
        [2020, 'published'],
        [2021, 'open'],
      ] as const) {
        await db
          .insertInto('project_finances')
          .values({
            project_id: projectId,
            municipality_code: code,
            fiscal_year,
            budget: 2_000,
            settlement: 1_000,
          })
          .execute();
        await db
          .insertInto('plan_years')
          .values({
            plan_id: planId,
            municipality_code: code,
            fiscal_year,
            status,
            updated_at: now,
            updated_by: null,
            published_at: status === 'published' ? now : null,
            publish_override: null,
          })
          .execute();
      }
      await db.destroy();

      const store = openStore(database.url);
      try {
        expect((await store.migrate()).error).toBeUndefined();
        const rows = await store.aggregates.byPlan({ fiscalYear: null, prefectureCode: null });
        expect(rows.map((r) => [r.fiscalYear, r.municipalityName, r.budget, r.settlement])).toEqual(
          [[2020, '豊中市', 2_000, 1_000]],
        );
      } finally {
        await store.close();
      }
    });
  });
}
