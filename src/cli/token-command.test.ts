import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../app/app-context.ts';
import { databaseOf } from '../store/raw-database.ts';
import { cliSandbox } from './cli-test-support.ts';

/** `sousei token create`, run as an operator would, against a temporary SQLite file. */
const cli = cliSandbox('token');
const url = cli.databaseUrl;
const sousei = (input: string | undefined, ...args: string[]) => cli.run(args, input);

afterAll(() => cli.remove());

describe('sousei token create', () => {
  it('prints a new token once on stdout and stores only its hash', async () => {
    const add = sousei(
      'a-long-enough-password\n',
      'user',
      'add',
      '--role',
      'editor',
      '--municipality',
      '012050',
      '--municipality-name',
      '室蘭市',
      '--department',
      '経済部 産業振興課',
      '--password-stdin',
      'sangyo@city.example',
    );
    expect(add.code, add.stderr).toBe(0);
    const r = sousei(
      undefined,
      'token',
      'create',
      '--email',
      'SANGYO@city.example',
      '--name',
      '集計',
    );
    expect(r.code, r.stderr).toBe(0);
    const secret = r.stdout.trim();
    expect(secret).toMatch(/^sousei_[A-Za-z0-9_-]{43}$/);
    expect(r.stderr).toContain('API トークン「集計」を作りました');
    const ctx = await openAppContext(url);
    try {
      const rows = await databaseOf(ctx.store).selectFrom('api_tokens').selectAll().execute();
      expect(rows.map((t) => [t.name, t.token_hash])).toEqual([
        ['集計', createHash('sha256').update(secret).digest('hex')],
      ]);
    } finally {
      await ctx.store.close();
    }
  });

  it('refuses an unknown account (exit 3) and a missing name (exit 1)', () => {
    const unknown = sousei(
      undefined,
      'token',
      'create',
      '--email',
      'no@city.example',
      '--name',
      'x',
    );
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('利用者が見つかりません: no@city.example');
    expect(unknown.stdout).toBe('');
    const blank = sousei(
      undefined,
      'token',
      'create',
      '--email',
      'sangyo@city.example',
      '--name',
      ' ',
    );
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain('トークンの名前を入力してください');
  });
});
