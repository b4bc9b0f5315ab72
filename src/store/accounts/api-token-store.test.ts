import { expect, it } from 'vitest';
import { describeEachDialect } from '../store-test-support.ts';
import { addAccount, LATER, NOW } from './account-store-test-support.ts';

describeEachDialect('API token store', (store) => {
  it('creates, lists, finds, touches and revokes tokens within their municipality', async () => {
    const tokens = store().apiTokens;
    const mine = await addAccount(store(), '012050', 'token@muroran.example');
    const theirs = await addAccount(store(), '012050', 'token2@muroran.example');
    const sapporo = await addAccount(store(), '011002', 'token@sapporo.example');
    const a = await tokens.create({
      municipalityCode: '012050',
      userId: mine,
      name: '集計',
      tokenHash: 'h-a',
      createdAt: NOW,
    });
    const b = await tokens.create({
      municipalityCode: '012050',
      userId: theirs,
      name: '別',
      tokenHash: 'h-b',
      createdAt: NOW,
    });
    await tokens.create({
      municipalityCode: '011002',
      userId: sapporo,
      name: '札幌',
      tokenHash: 'h-c',
      createdAt: NOW,
    });
    // Not for an account of another municipality.
    await expect(
      tokens.create({
        municipalityCode: '011002',
        userId: mine,
        name: 'x',
        tokenHash: 'h-x',
        createdAt: NOW,
      }),
    ).rejects.toMatchObject({ code: 'not-found' });

    expect((await tokens.list('012050')).map((t) => t.id)).toEqual([b, a]);
    expect(await tokens.list('012050', mine)).toEqual([
      {
        id: a,
        name: '集計',
        userId: mine,
        userName: 'token@muroran.example',
        userEmail: 'token@muroran.example',
        createdAt: NOW,
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(await tokens.find('011002', a)).toBeUndefined();
    expect(await tokens.find('012050', a)).toEqual({ id: a, userId: mine, revoked: false });
    expect(await tokens.findLive('h-a')).toEqual({
      id: a,
      userId: mine,
      municipalityCode: '012050',
      lastUsedAt: null,
    });
    await tokens.touch('012050', a, LATER);
    expect((await tokens.findLive('h-a'))?.lastUsedAt).toBe(LATER);

    await tokens.revoke('011002', a, LATER); // another city's revoke reaches nothing
    expect(await tokens.findLive('h-a')).toBeDefined();
    await tokens.revoke('012050', a, NOW);
    await tokens.revoke('012050', a, LATER);
    expect(await tokens.findLive('h-a')).toBeUndefined();
    expect((await tokens.list('012050', mine))[0]?.revokedAt).toBe(NOW);
  });
});
