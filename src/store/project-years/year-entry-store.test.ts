import { expect, it } from 'vitest';
import type { Activity } from '../../core/plan.ts';
import { databaseOf } from '../raw-database.ts';
import { describeEachDialect } from '../store-test-support.ts';
import { cycleFixture, NOW } from '../years/cycle-fixture.ts';

const activity = (result: string): Activity => ({
  title: '相談窓口',
  text: '相談窓口',
  source: null,
  relistOf: null,
  introducedIn: 2021,
  entries: [{ kind: 'result', fiscalYear: 2021, yearLabel: null, text: result, kpi: false }],
});

describeEachDialect('year entry store', (store) => {
  async function openYear(code: string) {
    const f = await cycleFixture(store(), code);
    const year = { municipalityCode: code, planId: f.planId, fiscalYear: 2021 };
    await store().years.transition({
      ...year,
      action: 'open',
      reason: null,
      userId: f.userId,
      at: NOW,
    });
    const write = {
      ...year,
      projectId: f.p1,
      userId: f.userId,
      origin: 'web' as const,
      at: NOW,
      expectedVersion: 1,
      budget: 400_000,
      settlement: 380_000,
      activities: [activity('相談 52件')],
      previousActivities: [],
    };
    return { f, year, write };
  }

  it('saves figures and activities, records each change and marks the project 入力中', async () => {
    const { f, year, write } = await openYear('011002');
    const s = store();
    expect(await s.yearEntries.save(write)).toEqual({ ok: true, version: 2, changes: 3 });
    const finance = await databaseOf(s)
      .selectFrom('project_finances')
      .select(['budget', 'settlement'])
      .where('project_id', '=', f.p1)
      .executeTakeFirst();
    expect(finance).toEqual({ budget: 400_000, settlement: 380_000 });
    const history = await s.history.list({ ...year, projectId: f.p1 });
    expect(history.map((h) => h.target.type).sort()).toEqual(['activities', 'finance', 'finance']);
    expect(
      (await s.projectYears.status(year.municipalityCode, { id: f.p1, planId: f.planId }, 2021))
        .status,
    ).toBe('entering');
    expect(await s.history.lastChange(year.municipalityCode, f.p1)).toEqual({
      userName: '管理者',
      at: NOW,
    });
  });

  it('refuses a write from an older version, changing nothing', async () => {
    const { write } = await openYear('012050');
    expect((await store().yearEntries.save(write)).ok).toBe(true);
    expect(await store().yearEntries.save({ ...write, budget: 999_000 })).toEqual({
      ok: false,
      conflict: true,
      version: 2,
    });
  });

  it('refuses every write to a locked year, restores included', async () => {
    const { f, year, write } = await openYear('013021');
    const by = { reason: null, userId: f.userId, at: NOW };
    await store().years.transition({ ...year, action: 'lock', ...by });
    const locked = { code: 'conflict', messageKey: 'year.locked' };
    await expect(store().yearEntries.save(write)).rejects.toMatchObject(locked);
    await expect(store().yearEntries.restoreFinance(write, 'budget', 1)).rejects.toMatchObject(
      locked,
    );
    await expect(store().yearEntries.restoreActivities(write, [], [])).rejects.toMatchObject(
      locked,
    );
  });

  it('restores an amount and records the restore', async () => {
    const { f, year, write } = await openYear('014001');
    await store().yearEntries.save(write);
    await store().yearEntries.restoreFinance({ ...write, origin: 'restore' }, 'budget', null);
    const [last] = await store().history.list({ ...year, projectId: f.p1 });
    expect(last).toMatchObject({ origin: 'restore', before: 400_000, after: null });
  });
});
