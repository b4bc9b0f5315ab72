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
/** A plan of `code` with one project: 2020 published, 2021 open (2,000 / 1,000 yen each). */
// biome-ignore lint/suspicious/noExplicitAny: planted below the store, as an older version wrote it.
async function plantPublishedPlan(db: any, code: string, name: string): Promise<void> {
  const now = '2026-11-30T00:00:00Z';
  const planId = await plantPlan(db, {
    code,
    name,
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
}

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
      await plantPublishedPlan(db, '272035', '豊中市');
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

    it('rows written before the figures were kept fresh are recomputed after the upgrade', async () => {
      // A database of its own: the test above has already migrated the shared one to the latest.
      const upgraded = await createTestDatabase(dialect);
      const { db } = openDatabase(upgraded.url);
      expect(
        (await migrateTo(db, '2026-11-30T2200-municipality-first-keys')).error,
      ).toBeUndefined();
      await plantPublishedPlan(db, '272043', '池田市');
      // What an older version left behind: figures of the day of publication, since changed.
      await db
        .insertInto('published_aggregates')
        .values({
          plan_id: (
            await db
              .selectFrom('plans')
              .select('id')
              .where('municipality_code', '=', '272043')
              .executeTakeFirstOrThrow()
          ).id,
          fiscal_year: 2020,
          municipality_code: '272043',
          prefecture_code: '27',
          kind: 'city',
          project_count: 1,
          projects_with_figures: 1,
          budget: 9,
          settlement: 9,
          scale_id: 'national',
          kpi_count: 0,
          kpi_band_1: 0,
          kpi_band_2: 0,
          kpi_band_3: 0,
          kpi_band_4: 0,
          kpi_no_actual: 0,
          kpi_achieved: 0,
          goals: '[]',
        })
        .execute();
      await db.destroy();

      const store = openStore(upgraded.url);
      try {
        expect((await store.migrate()).error).toBeUndefined();
        const rows = await store.aggregates.byPlan({ fiscalYear: 2020, prefectureCode: '27' });
        const ikeda = rows.filter((r) => r.municipalityName === '池田市');
        expect(ikeda.map((r) => [r.budget, r.settlement])).toEqual([[2_000, 1_000]]);
      } finally {
        await store.close();
        await upgraded.drop();
      }
    });
  });
}
