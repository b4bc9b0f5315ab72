import { expect, it } from 'vitest';
import { describeEachDialect } from '../store-test-support.ts';

describeEachDialect('department store', (store) => {
  it('adds a department once per municipality and lists only that municipality', async () => {
    await store().municipalities.ensure({ code: '012050', name: '室蘭市' }, 'now');
    await store().municipalities.ensure({ code: '011002', name: '札幌市' }, 'now');
    const id = await store().departments.ensure('012050', '経済部 観光課');
    expect(await store().departments.ensure('012050', '経済部 観光課')).toBe(id);
    const other = await store().departments.ensure('011002', '経済部 観光課');
    expect(other).not.toBe(id);
    expect(await store().departments.list('012050')).toEqual([{ id, name: '経済部 観光課' }]);
  });
});
