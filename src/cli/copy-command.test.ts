import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILE } from '../app/load-sample.ts';
import { cliSandbox } from './cli-test-support.ts';

/** `sousei copy`, run as an operator would, between two SQLite files (copy-installation.test.ts covers the dialect pairs). */
const cli = cliSandbox('copy');
afterAll(() => cli.remove());

describe('sousei copy', () => {
  it('moves an installation into an empty database and says it verified the copy', () => {
    const imported = cli.run([
      'import',
      SAMPLE_FILE,
      '--municipality',
      '012050',
      '--municipality-name',
      '室蘭市',
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    const to = `sqlite:${join(cli.dir, 'copy.db')}`;
    const copied = cli.run(['copy', '--from', cli.databaseUrl, '--to', to]);
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stderr).toContain('projects: 24 行');
    expect(copied.stderr).toContain('検証しました');
    const exported = cli.run(['--database', to, 'export', '--format', 'json']);
    expect(exported.stdout).toBe(cli.run(['export', '--format', 'json']).stdout);
  });

  it('refuses a target holding data with the conflict exit code', () => {
    const to = `sqlite:${join(cli.dir, 'copy.db')}`;
    const again = cli.run(['copy', '--from', cli.databaseUrl, '--to', to]);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('既にデータがあります');
  });
});
