import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from './cli-test-support.ts';

describe('sousei generate', () => {
  const sandbox = cliSandbox('generate');
  afterAll(() => sandbox.remove());

  it('writes 3 plans and their KPIs to a folder, the same for the same seed', () => {
    const write = (dir: string) =>
      sandbox.run(['generate', '--seed', '42', '--municipalities', '3', '--out', dir]);
    const first = write(join(sandbox.dir, 'a'));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('3 団体・3 計画を書き出しました');
    expect(write(join(sandbox.dir, 'b')).code).toBe(0);
    const manifest = (dir: string) => readFileSync(join(sandbox.dir, dir, 'national.json'), 'utf8');
    expect(manifest('b')).toBe(manifest('a'));
    const { municipalities } = JSON.parse(manifest('a'));
    expect(municipalities).toHaveLength(3);
    const plan = (dir: string) =>
      readFileSync(join(sandbox.dir, dir, municipalities[0].plan), 'utf8');
    expect(plan('b')).toBe(plan('a'));
  });

  it('writes and imports in one run, and its files import with `sousei import` and `sousei kpi import`', () => {
    const imported = sandbox.run([
      '--database',
      sandbox.databaseUrl,
      'generate',
      '--seed',
      '42',
      '--municipalities',
      '3',
      '--out',
      join(sandbox.dir, 'c'),
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('3 団体・150 事業を取り込みました');
    const { municipalities } = JSON.parse(
      readFileSync(join(sandbox.dir, 'c', 'national.json'), 'utf8'),
    );
    const shown = sandbox.run(['show', '--municipality', municipalities[1].code]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(municipalities[1].name);
    // The folder's files are what `sousei import` and `sousei kpi import` read.
    const other = ['--database', `sqlite:${join(sandbox.dir, 'other.db')}`];
    const plan = sandbox.run([...other, 'import', join(sandbox.dir, 'c', municipalities[1].plan)]);
    expect(plan.code, plan.stderr).toBe(0);
    const kpis = sandbox.run([
      ...other,
      'kpi',
      'import',
      join(sandbox.dir, 'c', municipalities[1].kpis),
      '--municipality',
      municipalities[1].code,
    ]);
    expect(kpis.code, kpis.stderr).toBe(0);
  });

  it('refuses to run without a target, and a count that is not a whole number', () => {
    const none = sandbox.run(['generate', '--seed', '1']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('--out');
    const bad = sandbox.run(['generate', '--municipalities', '0', '--out', sandbox.dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('1 から 1788 まで');
  });
});
