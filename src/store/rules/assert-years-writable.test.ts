import { expect, it } from 'vitest';
import { databaseOf } from '../raw-database.ts';
import { describeEachDialect } from '../store-test-support.ts';
import { cycleFixture, NOW } from '../years/cycle-fixture.ts';
import { assertYearsWritable } from './assert-years-writable.ts';

describeEachDialect('the closed-year rule', (store) => {
  it('refuses locked and published years of the plan, naming them, and only those', async () => {
    const f = await cycleFixture(store(), '012050');
    const scope = { municipalityCode: '012050', planId: f.planId };
    for (const [fiscalYear, status] of [
      [2020, 'published'],
      [2021, 'locked'],
      [2022, 'open'],
    ] as const) {
      await store().years.setUp({ ...scope, fiscalYear, status, at: NOW });
    }
    const db = databaseOf(store());
    await expect(assertYearsWritable(db, scope, [2022, 2023])).resolves.toBeUndefined();
    await expect(assertYearsWritable(db, scope, [2020, 2021, 2022])).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'year.locked',
      params: { fiscalYear: '令和2年度、令和3年度' },
    });
    // Another municipality's closed years never decide for this one.
    await expect(
      assertYearsWritable(db, { municipalityCode: '011002', planId: f.planId }, [2020]),
    ).resolves.toBeUndefined();
  });
});
