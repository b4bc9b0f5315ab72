import { expect, it } from 'vitest';
import { describeEachDialect } from '../store-test-support.ts';

const NOW = '2026-11-30T00:00:00.000Z';

describeEachDialect('municipality settings store', (store) => {
  it('saves, replaces and reads back one municipality’s settings only', async () => {
    await store().municipalities.ensure({ code: '012050', name: '室蘭市' }, NOW);
    await store().municipalities.ensure({ code: '011002', name: '札幌市' }, NOW);
    expect(await store().municipalitySettings.find('012050')).toBeUndefined();
    const abcd = { scaleId: 'abcd', thresholds: [1, 0.8, null], policies: ['継続', '中止'] };
    await store().municipalitySettings.save('012050', abcd, NOW);
    expect(await store().municipalitySettings.find('012050')).toEqual(abcd);
    const national = { scaleId: 'national', thresholds: null, policies: ['発展'] };
    await store().municipalitySettings.save('012050', national, NOW);
    expect(await store().municipalitySettings.find('012050')).toEqual(national);
    expect(await store().municipalitySettings.find('011002')).toBeUndefined();
  });
});
