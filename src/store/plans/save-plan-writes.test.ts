import { expect, it } from 'vitest';
import { databaseOf } from '../raw-database.ts';
import { savePlan } from '../save-plan.ts';
import { describeEachDialect } from '../store-test-support.ts';
import { samplePlan as plan } from './sample-plan.ts';
import { writeCounter } from './write-counter.ts';

const NOW = '2026-11-30T00:00:00.000Z';

describeEachDialect('saving an unchanged plan again', (store) => {
  it('writes no node, project, finance, breakdown, history, activity or entry row; reads back the same', async () => {
    const db = databaseOf(store());
    const options = { fiscalYears: [2020, 2021], now: NOW };
    const planId = await db.transaction().execute((trx) => savePlan(trx, plan(), options));
    const { plugin, writes } = writeCounter();
    await db
      .withPlugin(plugin)
      .transaction()
      .execute((trx) => savePlan(trx, plan(), options));
    expect(writes.get('plan_nodes') ?? 0).toBe(0);
    expect(writes.get('activities') ?? 0).toBe(0);
    expect(writes.get('activity_entries') ?? 0).toBe(0);
    expect(writes.get('project_finances') ?? 0).toBe(0);
    expect(writes.get('project_finance_details') ?? 0).toBe(0);
    expect(writes.get('changes') ?? 0).toBe(0);
    expect(writes.get('projects') ?? 0).toBe(0);
    expect(await store().plans.load('012050', planId)).toEqual(plan());
  });
});

describeEachDialect('saving a new plan', (store) => {
  it('inserts its rows in a few multi-row statements, each row under its own parent', async () => {
    const db = databaseOf(store());
    // More projects than one chunk holds, so that ids are mapped back across statements.
    const big = plan(620);
    const { plugin, writes } = writeCounter();
    const planId = await db
      .withPlugin(plugin)
      .transaction()
      .execute((trx) => savePlan(trx, big, { fiscalYears: [2020, 2021], now: NOW }));
    // Two nodes deep: one insert per depth; 620 projects, 1,240 activities: a few chunks each.
    expect(writes.get('plan_nodes')).toBe(2);
    expect(writes.get('projects')).toBeLessThanOrEqual(3);
    expect(writes.get('activities')).toBeLessThanOrEqual(4);
    expect(writes.get('activity_entries')).toBeLessThanOrEqual(6);
    expect(writes.get('project_finances')).toBeLessThanOrEqual(4);
    expect(await store().plans.load('012050', planId)).toEqual(big);
  });
});

describeEachDialect('re-listing links', (store) => {
  it('point at the activity they name, in a new plan and after saving it again', async () => {
    const db = databaseOf(store());
    const relisting = plan(3);
    const [, second, third] = relisting.nodes[0]?.projects ?? [];
    if (!second?.activities[0] || !third?.activities[1]) throw new Error('sample changed');
    second.activities[0].relistOf = { projectNo: '1', position: 2 };
    third.activities[1].relistOf = { projectNo: '2', position: 1 };
    const options = { fiscalYears: [2020, 2021], now: NOW };
    const planId = await db.transaction().execute((trx) => savePlan(trx, relisting, options));
    expect(await store().plans.load('012050', planId)).toEqual(relisting);
    await db.transaction().execute((trx) => savePlan(trx, relisting, options));
    expect(await store().plans.load('012050', planId)).toEqual(relisting);
  });
});

describeEachDialect('new projects inserted together', (store) => {
  it('may differ in what they carry: a project without tags gets none', async () => {
    const db = databaseOf(store());
    const mixed = plan(2);
    const untagged = mixed.nodes[0]?.projects[1];
    if (!untagged) throw new Error('sample changed');
    delete untagged.tags;
    const options = { fiscalYears: [2020, 2021], now: NOW };
    const planId = await db.transaction().execute((trx) => savePlan(trx, mixed, options));
    const loaded = await store().plans.load('012050', planId);
    expect(loaded?.nodes[0]?.projects.map((p) => p.tags ?? [])).toEqual([['創業'], []]);
  });
});
