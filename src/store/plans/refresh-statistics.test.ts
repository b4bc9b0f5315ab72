import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from '../raw-database.ts';
import { openStore, type Store } from '../store.ts';
import { createTestDatabase, dialectAvailable, type TestDatabase } from '../test-databases.ts';
import { samplePlan } from './sample-plan.ts';

const NOW = '2026-11-30T00:00:00.000Z';

/**
 * The row count the planner believes a table of the test's schema has (pg_class.reltuples:
 * written by ANALYZE in its own transaction, -1 before the first; no statistics-view lag).
 */
async function plannedRows(store: Store, table: string): Promise<number> {
  const row = await databaseOf(store)
    .withTables<{ pg_class: { relname: string; relnamespace: number; reltuples: number } }>()
    .selectFrom('pg_class')
    .select('reltuples')
    .where('relname', '=', table)
    .where('relnamespace', '=', (eb) =>
      eb.fn<number>('to_regnamespace', [eb.fn<string>('current_schema', [])]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.reltuples);
}

// PostgreSQL only: SQLite plans without statistics, so there is nothing to refresh there.
describe.skipIf(!dialectAvailable('postgres'))('planner statistics after a save (postgres)', () => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  const opened = () => store as Store;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    store = openStore(database.url);
    const result = await store.migrate();
    if (result.error) throw result.error;
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('are left alone by a small save', async () => {
    await opened().plans.save({ plan: samplePlan(3), fiscalYears: [2020, 2021], now: NOW });
    expect(await plannedRows(opened(), 'projects')).toBeLessThan(1);
  });

  it('are refreshed for the tables a large first import grew, not for the others', async () => {
    const plan = { ...samplePlan(600), plan: { ...samplePlan().plan, title: '大きな計画' } };
    await opened().plans.save({ plan, fiscalYears: [2020, 2021], now: NOW });
    expect(await plannedRows(opened(), 'projects')).toBe(603);
    expect(await plannedRows(opened(), 'project_finances')).toBe(1206);
    expect(await plannedRows(opened(), 'activities')).toBe(1206);
    expect(await plannedRows(opened(), 'activity_entries')).toBe(2412);
    expect(await plannedRows(opened(), 'stated_totals')).toBeLessThan(1);
  });

  it('are refreshed too when the save ran in a transaction of several modules (an import)', async () => {
    const plan = { ...samplePlan(600), plan: { ...samplePlan().plan, title: '別の計画' } };
    await opened().transaction((tx) =>
      tx.plans.save({ plan, fiscalYears: [2020, 2021], now: NOW }),
    );
    expect(await plannedRows(opened(), 'projects')).toBe(1203);
  });
});
