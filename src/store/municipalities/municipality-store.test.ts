import { expect, it } from 'vitest';
import { describeEachDialect } from '../store-test-support.ts';

const NOW = '2026-11-30T00:00:00.000Z';

describeEachDialect('municipality store', (store) => {
  it('adds a municipality once and finds it by code', async () => {
    await store().municipalities.ensure({ code: '012050', name: '室蘭市' }, NOW);
    await store().municipalities.ensure({ code: '012050', name: '別の名前' }, NOW);
    expect(await store().municipalities.find('012050')).toEqual({ code: '012050', name: '室蘭市' });
    expect(await store().municipalities.find('011002')).toBeUndefined();
  });

  it('lists only municipalities with a published year', async () => {
    await store().municipalities.ensure({ code: '011002', name: '札幌市' }, NOW);
    expect(await store().municipalities.listPublishing()).toEqual([]);
    expect(await store().municipalities.hasPublished('011002')).toBe(false);
  });

  it('writes inside the caller transaction and rolls back with it', async () => {
    await expect(
      store().transaction(async (tx) => {
        await tx.municipalities.ensure({ code: '013021', name: '函館市' }, NOW);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await store().municipalities.find('013021')).toBeUndefined();
  });
});
