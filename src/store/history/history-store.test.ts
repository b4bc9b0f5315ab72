import { expect, it } from 'vitest';
import { describeEachDialect } from '../store-test-support.ts';
import { cycleFixture, NOW } from '../years/cycle-fixture.ts';

describeEachDialect('history store', (store) => {
  it('lists a plan newest first and finds one change only in its municipality', async () => {
    const f = await cycleFixture(store(), '011002');
    const year = { municipalityCode: '011002', planId: f.planId, fiscalYear: 2021 };
    const by = { reason: null, userId: f.userId, at: NOW };
    await store().years.transition({ ...year, action: 'open', ...by });
    await store().years.transition({ ...year, action: 'lock', ...by });
    const list = await store().history.list({ municipalityCode: '011002', planId: f.planId });
    expect(list.map((h) => [h.before, h.after, h.userName])).toEqual([
      ['open', 'locked', '管理者'],
      ['preparing', 'open', '管理者'],
    ]);
    const id = list[0]?.id ?? -1;
    expect(await store().history.find('011002', id)).toMatchObject({
      planId: f.planId,
      target: { type: 'year-status' },
      before: 'open',
    });
    expect(await store().history.find('012050', id)).toBeUndefined();
    expect(await store().history.list({ ...year, limit: 1 })).toHaveLength(1);
  });
});
