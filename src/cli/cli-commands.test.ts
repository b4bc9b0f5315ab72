import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './cli-test-support.ts';
import { buildProgram, COMMANDS, commandNamed } from './main.ts';

describe('the CLI loads only the command it runs', () => {
  it('lists every command by the summary its own module registers', async () => {
    for (const [name, summary, load] of COMMANDS) {
      const program = new Command();
      (await load())(program, () => ({}));
      const registered = program.commands.find((c) => c.name() === name);
      expect(registered?.description(), name).toBe(summary);
    }
  });

  it('finds the command after the global options, and through `help`', () => {
    expect(commandNamed(['--database', 'sqlite:x.db', 'import', 'a.xlsx'])).toBe('import');
    expect(commandNamed(['--database=sqlite:x.db', 'show'])).toBe('show');
    expect(commandNamed(['help', 'export'])).toBe('export');
    expect(commandNamed(['--help'])).toBeUndefined();
  });

  it('registers the named command in full and nothing else', async () => {
    const program = await buildProgram(['import', 'a.xlsx', '--dry-run']);
    expect(program.commands.map((c) => c.name())).toEqual(['import']);
    const options = program.commands[0]?.options.map((o) => o.long);
    expect(options).toContain('--mapping');
  });

  it('lists every command for the top-level help', async () => {
    const program = await buildProgram(['--help']);
    expect(program.commands.map((c) => c.name())).toEqual(COMMANDS.map(([name]) => name));
  });
});

describe('the compiled CLI (npm ci builds it with the prepare script)', () => {
  const out = `dist-test-${process.pid}`;
  afterAll(() => rmSync(join(ROOT, out), { recursive: true, force: true }));

  it('builds and runs: help, and a dry-run import of the sample', () => {
    const build = spawnSync(process.execPath, ['scripts/build-dist.mjs', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(ROOT, out, 'server/assets/app.css'))).toBe(true);
    const main = pathToFileURL(join(ROOT, out, 'cli/main.js')).href;
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(main)}); await m.runCli(process.argv.slice(0, 1).concat('sousei', process.argv.slice(1)));`,
          '--',
          ...args,
        ],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: 'sqlite::memory:' } },
      );
    const help = run('--help');
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('終了コード');
    const dry = run(
      'import',
      'samples/muroran-r2-progress.tsv',
      '--dry-run',
      '--municipality',
      '012050',
      '--municipality-name',
      '室蘭市',
    );
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('事業 24');
  }, 120_000);
});
