import { afterAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../app/app-context.ts';
import { authenticateToken, createApiToken } from '../app/auth/api-tokens.ts';
import { login } from '../app/auth/sessions.ts';
import { findUserByEmail, loadActor } from '../app/auth/users.ts';
import { cliSandbox } from './cli-test-support.ts';

/** `sousei user password|disable|enable`, run as an operator would, on a temporary SQLite file. */
const cli = cliSandbox('user');
const sousei = (input: string | undefined, ...args: string[]) => cli.run(args, input);
const EMAIL = 'sangyo@city.example';

afterAll(() => cli.remove());

async function withCtx<T>(run: (ctx: Awaited<ReturnType<typeof openAppContext>>) => Promise<T>) {
  const ctx = await openAppContext(cli.databaseUrl);
  try {
    return await run(ctx);
  } finally {
    await ctx.store.close();
  }
}

const tryLogin = (password: string) =>
  withCtx((ctx) => login(ctx, { email: EMAIL, password, address: 'test' }).then(() => true)).catch(
    () => false,
  );

describe('sousei user password / disable / enable', () => {
  it('sets a new password and revokes the API tokens; disables and enables the account', async () => {
    const add = sousei(
      'the-first-password\n',
      'user',
      'add',
      '--role',
      'editor',
      '--municipality',
      '012050',
      '--municipality-name',
      '室蘭市',
      '--password-stdin',
      EMAIL,
    );
    expect(add.code, add.stderr).toBe(0);
    const secret = await withCtx(async (ctx) => {
      const actor = await loadActor(ctx, (await findUserByEmail(ctx, EMAIL)).id);
      if (!actor) throw new Error('no actor');
      return (await createApiToken(ctx, actor, '集計')).secret;
    });

    const short = sousei('short\n', 'user', 'password', '--password-stdin', EMAIL);
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('12文字以上');
    const unknown = sousei(
      'a-long-enough-password\n',
      'user',
      'password',
      '--password-stdin',
      'no@city.example',
    );
    expect(unknown.code).toBe(3);

    const changed = sousei(
      'the-second-password\n',
      'user',
      'password',
      '--password-stdin',
      'Sangyo@City.example',
    );
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('パスワードを変更しました');
    expect(await withCtx((ctx) => authenticateToken(ctx, secret))).toBeNull();
    expect(await tryLogin('the-first-password')).toBe(false);
    expect(await tryLogin('the-second-password')).toBe(true);

    const disabled = sousei(undefined, 'user', 'disable', EMAIL);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(disabled.stdout).toContain('利用者を無効にしました');
    expect(await tryLogin('the-second-password')).toBe(false);
    const enabled = sousei(undefined, 'user', 'enable', EMAIL);
    expect(enabled.code, enabled.stderr).toBe(0);
    expect(enabled.stdout).toContain('利用者を有効に戻しました');
    expect(await tryLogin('the-second-password')).toBe(true);
  });
});
