import { expect, it } from 'vitest';
import { describeEachDialect } from '../store-test-support.ts';
import { addAccount, LATER, NOW } from './account-store-test-support.ts';

describeEachDialect('session store', (store) => {
  it('finds a live session by id until it expires or is deleted', async () => {
    const userId = await addAccount(store(), '012050', 'session@muroran.example');
    const session = {
      id: 'hash-1',
      userId,
      municipalityCode: '012050',
      csrfToken: 'csrf-1',
      createdAt: NOW,
      expiresAt: LATER,
    };
    await store().sessions.create(session);
    expect(await store().sessions.findLive('hash-1', NOW)).toEqual(session);
    expect(await store().sessions.findLive('hash-1', LATER)).toBeUndefined();
    expect(await store().sessions.findLive('hash-2', NOW)).toBeUndefined();
    await store().sessions.delete('hash-1');
    expect(await store().sessions.findLive('hash-1', NOW)).toBeUndefined();
  });

  it("ignores a disabled account's session and one naming another municipality", async () => {
    const userId = await addAccount(store(), '012050', 'moved@muroran.example');
    await store().municipalities.ensure({ code: '011002', name: '札幌市' }, NOW);
    const base = { userId, csrfToken: 'c', createdAt: NOW, expiresAt: '2099-01-01T00:00:00.000Z' };
    await store().sessions.create({ ...base, id: 'own', municipalityCode: '012050' });
    await store().sessions.create({ ...base, id: 'other', municipalityCode: '011002' });
    expect(await store().sessions.findLive('own', NOW)).toBeDefined();
    expect(await store().sessions.findLive('other', NOW)).toBeUndefined();
    await store().users.setDisabled('012050', userId, true, NOW);
    expect(await store().sessions.findLive('own', NOW)).toBeUndefined();
  });
});
