import { expect, it } from 'vitest';
import { describeEachDialect } from '../store-test-support.ts';
import { cycleFixture, NOW } from './cycle-fixture.ts';

describeEachDialect('plan year store', (store) => {
  it('a year without a row is preparing; each step is applied once and recorded', async () => {
    const f = await cycleFixture(store(), '011002');
    const years = store().years;
    expect(await years.status('011002', f.planId, 2021)).toBe('preparing');
    const step = { municipalityCode: '011002', planId: f.planId, fiscalYear: 2021 };
    const by = { reason: null, userId: f.userId, at: NOW };
    expect(await years.transition({ ...step, action: 'open', ...by })).toEqual({
      from: 'preparing',
      to: 'open',
    });
    // The status is read inside the write: a second 'open' finds the year already open.
    await expect(years.transition({ ...step, action: 'open', ...by })).rejects.toMatchObject({
      messageKey: 'year.invalid-transition',
    });
    await years.transition({ ...step, action: 'lock', ...by, reason: '持ち越し' });
    await years.transition({ ...step, action: 'publish', ...by, reason: '速報' });
    expect(await years.statuses('011002', f.planId)).toEqual(new Map([[2021, 'published']]));
    expect(await years.publication('011002', f.planId, 2021)).toEqual({
      at: NOW,
      override: '速報',
    });
    const history = await store().history.list({ municipalityCode: '011002', planId: f.planId });
    expect(history.map((h) => h.after)).toEqual([
      { status: 'published', override: '速報' },
      { status: 'locked', override: '持ち越し' },
      'open',
    ]);
  });

  it('sets up a year without a status once, recorded; a year with one keeps it', async () => {
    const f = await cycleFixture(store(), '014010');
    const setUp = { municipalityCode: '014010', planId: f.planId, at: NOW };
    await store().years.setUp({ ...setUp, fiscalYear: 2020, status: 'published' });
    await store().years.setUp({ ...setUp, fiscalYear: 2020, status: 'open' });
    expect(await store().years.statuses('014010', f.planId)).toEqual(
      new Map([[2020, 'published']]),
    );
    expect(await store().years.publication('014010', f.planId, 2020)).toEqual({
      at: NOW,
      override: null,
    });
    const history = await store().history.list({ municipalityCode: '014010', planId: f.planId });
    expect(history.map((h) => [h.before, h.after])).toEqual([['preparing', 'published']]);
  });

  it("is scoped to the municipality: another city's code sees nothing", async () => {
    const f = await cycleFixture(store(), '012050');
    const step = { planId: f.planId, fiscalYear: 2021, reason: null, userId: f.userId, at: NOW };
    await store().years.transition({ ...step, municipalityCode: '012050', action: 'open' });
    expect(await store().years.statuses('011002', f.planId)).toEqual(new Map());
  });

  it('rolls back with the caller transaction, history included', async () => {
    const f = await cycleFixture(store(), '013021');
    const step = { municipalityCode: '013021', planId: f.planId, fiscalYear: 2022 };
    await expect(
      store().transaction(async (tx) => {
        await tx.years.transition({
          ...step,
          action: 'open',
          reason: null,
          userId: f.userId,
          at: NOW,
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await store().years.status('013021', f.planId, 2022)).toBe('preparing');
    expect(await store().history.list({ municipalityCode: '013021', planId: f.planId })).toEqual(
      [],
    );
  });
});
