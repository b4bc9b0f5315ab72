import { describe, expect, it } from 'vitest';
import { recordChange } from '../history/record-change.ts';
import { databaseOf } from '../raw-database.ts';
import { openStore } from '../store.ts';
import { describeEachDialect } from '../store-test-support.ts';
import { createTestDatabase, DIALECTS, dialectAvailable } from '../test-databases.ts';
import { insertTestPlan } from '../test-plan.ts';
import { eventually, listening } from '../write-notices-test-support.ts';

const NOW = '2026-11-30T20:00:00.000Z';

describeEachDialect('a plan content version', (store) => {
  it('changes with every kind of write the public output depends on, and only with those of its plan', async () => {
    const { planId } = await insertTestPlan(store(), '012050', { now: NOW, projects: ['1', '2'] });
    const versions: string[] = [];
    const step = async (label: string, write: () => Promise<unknown>) => {
      await write();
      const v = await store().contentVersions.ofPlan(planId);
      expect(v?.municipalityCode, label).toBe('012050');
      expect(versions, label).not.toContain(v?.version);
      versions.push(v?.version ?? '');
    };
    await step('as inserted', async () => {});
    const year = { municipalityCode: '012050', planId, at: NOW };
    await step('a year published', () =>
      store().years.setUp({ ...year, fiscalYear: 2020, status: 'published' }),
    );
    await step('a year opened', () =>
      store().years.setUp({ ...year, fiscalYear: 2021, status: 'open' }),
    );
    const db = databaseOf(store());
    await step('a status changed in the same millisecond', () =>
      db
        .updateTable('plan_years')
        .set({ status: 'locked' })
        .where('plan_id', '=', planId)
        .where('fiscal_year', '=', 2020)
        .execute(),
    );
    await step('any change in the history (entry, restore, KPI, evaluation)', () =>
      db.transaction().execute((trx) =>
        recordChange(trx, {
          municipalityCode: '012050',
          planId,
          projectId: null,
          fiscalYear: 2021,
          target: { type: 'activities' },
          before: null,
          after: null,
          userId: null,
          origin: 'web',
          at: NOW,
        }),
      ),
    );
    const departmentId = await store().departments.ensure('012050', '経済部');
    await step('a department assigned', () =>
      store().plans.assignDepartment('012050', planId, ['1'], departmentId),
    );
    await step('a re-import (the plan row)', () =>
      db.updateTable('plans').set({ updated_at: '2026-11-30T20:00:01.000Z' }).execute(),
    );
    await step('the status bands', () =>
      store().municipalitySettings.save(
        '012050',
        { scaleId: 'abcd', thresholds: null, policies: ['継続'] },
        NOW,
      ),
    );
    await step('the municipality renamed', () =>
      db.updateTable('municipalities').set({ name: '室蘭' }).where('code', '=', '012050').execute(),
    );
    const last = await store().contentVersions.ofPlan(planId);
    const other = await insertTestPlan(store(), '011002', { now: NOW, projects: ['1'] });
    await store().years.setUp({
      municipalityCode: '011002',
      planId: other.planId,
      fiscalYear: 2020,
      status: 'published',
      at: NOW,
    });
    expect(await store().contentVersions.ofPlan(planId)).toEqual(last);
    expect(await store().contentVersions.ofPlan(other.planId + 1000)).toBeUndefined();
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`two processes on one ${dialect} database`, () => {
    it("sees the other's publish: sessions at once, the public's cache from the next turn of the event loop (SQLite) or once its notice has arrived (PostgreSQL)", async () => {
      const database = await createTestDatabase(dialect);
      const serving = openStore(database.url);
      const writing = openStore(database.url);
      try {
        await serving.migrate();
        const { planId } = await insertTestPlan(serving, '012050', { now: NOW, projects: ['1'] });
        // PostgreSQL: the marks exist once the listener, started by their first use, listens.
        if (dialect === 'postgres') await listening(serving);
        const before = await serving.contentVersions.ofPlan(planId);
        expect(await serving.contentVersions.ofPlan(planId)).toEqual(before);
        const mark = await serving.contentVersions.writeMark();
        expect(mark).toBeDefined();
        await writing.years.setUp({
          municipalityCode: '012050',
          planId,
          fiscalYear: 2020,
          status: 'published',
          at: NOW,
        });
        // Sessions must see it at once (a disabled account); the page cache a moment later.
        expect(await serving.contentVersions.writeMark()).not.toEqual(mark);
        await new Promise((resolve) => setImmediate(resolve));
        if (dialect === 'sqlite') {
          expect(await serving.contentVersions.ofPlan(planId)).not.toEqual(before);
        } else {
          const changed = async () => !equal(await serving.contentVersions.ofPlan(planId), before);
          expect(await eventually(changed)).toBe(true);
        }
      } finally {
        await serving.close();
        await writing.close();
        await database.drop();
      }
    });
  });
}

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
