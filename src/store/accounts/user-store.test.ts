import { expect, it } from 'vitest';
import { describeEachDialect } from '../store-test-support.ts';
import { addAccount, LATER, NOW } from './account-store-test-support.ts';

describeEachDialect('user store', (store) => {
  it('adds an account with its departments, finds it by id and email, lists it in its city only', async () => {
    await store().municipalities.ensure({ code: '012050', name: '室蘭市' }, NOW);
    const dept = await store().departments.ensure('012050', '経済部 観光課');
    const id = await addAccount(store(), '012050', 'kanko@muroran.example', 'editor', [dept]);
    const user = await store().users.get(id);
    expect(user).toEqual({
      id,
      municipalityCode: '012050',
      email: 'kanko@muroran.example',
      name: 'kanko@muroran.example',
      role: 'editor',
      departmentIds: [dept],
      disabled: false,
    });
    expect(await store().users.findByEmail('kanko@muroran.example')).toEqual(user);
    await addAccount(store(), '011002', 'sapporo@sapporo.example', 'admin');
    const listed = await store().users.list('012050');
    expect(listed.map((u) => [u.email, u.departments])).toEqual([
      ['kanko@muroran.example', ['経済部 観光課']],
    ]);
  });

  it('refuses an email already in use and a department of another municipality', async () => {
    await expect(addAccount(store(), '011002', 'kanko@muroran.example')).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'user.email-taken',
    });
    const muroranDept = await store().departments.ensure('012050', '保健福祉部');
    await expect(
      addAccount(store(), '011002', 'x@sapporo.example', 'editor', [muroranDept]),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect(await store().users.findByEmail('x@sapporo.example')).toBeUndefined();
  });

  it('a new password hash ends the sessions and revokes the tokens of that account only', async () => {
    const id = await addAccount(store(), '012050', 'pw@muroran.example');
    const other = await addAccount(store(), '012050', 'other@muroran.example');
    for (const [userId, key] of [
      [id, 'a'],
      [other, 'b'],
    ] as const) {
      await store().sessions.create({
        id: `session-${key}`,
        userId,
        municipalityCode: '012050',
        csrfToken: 'csrf',
        createdAt: NOW,
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
      await store().apiTokens.create({
        municipalityCode: '012050',
        userId,
        name: 'script',
        tokenHash: `token-${key}`,
        createdAt: NOW,
      });
    }
    // Another city cannot reach the account.
    await expect(
      store().users.setPasswordHash('011002', id, 'stolen', LATER),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect(await store().users.passwordHash('012050', id)).toBe('hash-of-pw@muroran.example');
    expect(await store().sessions.findLive('session-a', NOW)).toBeDefined();

    await store().users.setPasswordHash('012050', id, 'new-hash', LATER);
    expect(await store().users.passwordHash('012050', id)).toBe('new-hash');
    expect(await store().users.credentials('pw@muroran.example')).toMatchObject({
      passwordHash: 'new-hash',
    });
    expect(await store().sessions.findLive('session-a', NOW)).toBeUndefined();
    expect(await store().apiTokens.findLive('token-a')).toBeUndefined();
    expect(await store().sessions.findLive('session-b', NOW)).toBeDefined();
    expect(await store().apiTokens.findLive('token-b')).toBeDefined();
  });

  it('disables and enables an account of the municipality; disabling ends its access', async () => {
    const id = await addAccount(store(), '012050', 'off@muroran.example');
    await store().sessions.create({
      id: 'session-off',
      userId: id,
      municipalityCode: '012050',
      csrfToken: 'csrf',
      createdAt: NOW,
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    await store().apiTokens.create({
      municipalityCode: '012050',
      userId: id,
      name: 'script',
      tokenHash: 'token-off',
      createdAt: NOW,
    });
    expect(await store().users.setDisabled('011002', id, true, LATER)).toBe(false);
    expect((await store().users.get(id))?.disabled).toBe(false);

    expect(await store().users.setDisabled('012050', id, true, LATER)).toBe(true);
    expect(await store().users.setDisabled('012050', id, true, LATER)).toBe(false);
    expect((await store().users.get(id))?.disabled).toBe(true);
    expect(await store().sessions.findLive('session-off', NOW)).toBeUndefined();
    expect(await store().apiTokens.findLive('token-off')).toBeUndefined();

    expect(await store().users.setDisabled('012050', id, false, LATER)).toBe(true);
    expect((await store().users.get(id))?.disabled).toBe(false);
    // Enabling again brings no revoked token back.
    expect(await store().apiTokens.findLive('token-off')).toBeUndefined();
  });
});
