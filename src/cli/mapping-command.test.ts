import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strategyCsv } from '../app/mapping/suggest-test-support.ts';
import { cliSandbox } from './cli-test-support.ts';

const cli = cliSandbox('mapping');
afterAll(() => cli.remove());

describe('sousei mapping suggest', () => {
  it('prints the proposed mapping on stdout and every question on stderr', () => {
    const file = join(cli.dir, '戦略.csv');
    writeFileSync(file, strategyCsv());
    const r = cli.run(['mapping', 'suggest', file]);
    expect(r.code).toBe(0);
    const mapping = JSON.parse(r.stdout);
    expect(mapping.format).toBe('sousei-mapping');
    expect(mapping.columns.projectName).toEqual({ header: '事業名' });
    expect(r.stderr).toContain('対応表を提案しました（確かめること 4 件）');
    expect(r.stderr).toContain('- 計画名が分かりません');
  });

  it('refuses a file with no table: exit 2, nothing on stdout', () => {
    const file = join(cli.dir, 'memo.csv');
    writeFileSync(file, 'メモ\nなし\n');
    const r = cli.run(['mapping', 'suggest', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('表が見つかりません');
  });
});
