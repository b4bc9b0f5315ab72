import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../database.ts';
import { migrateTo, migrateToLatest } from '../migrate.ts';
import {
  createTestDatabase,
  DIALECTS,
  dialectAvailable,
  type TestDatabase,
} from '../test-databases.ts';
import { plantPlan } from './migration-test-support.ts';

/**
 * The mapping-v2 migration on a database that already holds KPIs: SQLite rebuilds the kpis
 * table to drop NOT NULL from the target, which must keep every KPI, year target and actual
 * (a careless rebuild cascades their deletion).
 */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`the mapping-v2 migration on ${dialect}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('keeps stored KPIs with their targets and actuals, then takes a KPI without a target', async () => {
      const { db } = openDatabase(database.url);
      expect((await migrateTo(db, '2026-11-30T1300-introduced-in')).error).toBeUndefined();
      const now = '2026-11-30T00:00:00Z';
      const code = '131016';
      const planId = await plantPlan(db, {
        code,
        name: '千代田区',
        title: 'P',
        kind: '総合計画',
        now,
      });
      const kpi = {
        municipality_code: code,
        plan_id: planId,
        scope: 'goal',
        position: 0,
        unit: '人',
        direction: 'higher',
        kind: 'annual',
        updated_at: now,
      };
      const { id: kpiId } = await db
        .insertInto('kpis')
        .values({ ...kpi, name: '人口', target_value: 100, target_fiscal_year: 2024 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('kpi_year_targets')
        .values({ kpi_id: kpiId, municipality_code: code, fiscal_year: 2022, value: 50 })
        .execute();
      await db
        .insertInto('kpi_actuals')
        .values({
          kpi_id: kpiId,
          municipality_code: code,
          fiscal_year: 2021,
          value: 40,
          updated_at: now,
        })
        .execute();

      expect((await migrateToLatest(db)).error).toBeUndefined();
      expect(
        await db.selectFrom('kpis').select(['id', 'name', 'target_value', 'category']).execute(),
      ).toEqual([{ id: kpiId, name: '人口', target_value: 100, category: null }]);
      expect(await db.selectFrom('kpi_year_targets').select('value').execute()).toEqual([
        { value: 50 },
      ]);
      expect(await db.selectFrom('kpi_actuals').select('value').execute()).toEqual([{ value: 40 }]);
      await db
        .insertInto('kpis')
        .values({
          ...kpi,
          name: '満足度',
          target_value: null,
          target_fiscal_year: null,
          category: 'outcome',
        })
        .execute();
      expect((await db.selectFrom('kpis').select('id').execute()).length).toBe(2);
      // Foreign keys are on again: deleting the plan still cascades to its KPIs and actuals.
      await db.deleteFrom('plans').execute();
      expect(await db.selectFrom('kpi_actuals').select('value').execute()).toEqual([]);
      await db.destroy();
    });
  });
}
