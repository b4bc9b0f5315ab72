import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from './cli-test-support.ts';

/** `sousei kpi import` as a user runs it: the real binary on a temporary SQLite file. */
const cli = cliSandbox('kpi-cli');
const dir = cli.dir;
const sousei = (...args: string[]) => cli.run(args);

afterAll(() => cli.remove());

describe('sousei kpi import', () => {
  it('needs the plan first (not found: exit 3)', () => {
    const r = sousei('kpi', 'import', 'samples/muroran-kpis.csv', '--municipality', '012050');
    expect(r.code).toBe(3);
  });

  it('checks, imports, and changes nothing the second time', () => {
    expect(sousei('import', 'samples/muroran-r2-progress.tsv').code).toBe(0);
    const dry = sousei('kpi', 'import', 'samples/muroran-kpis.csv', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      '[確認のみ] 室蘭市（012050）「第2期室蘭市まち・ひと・しごと創生総合戦略」',
    );
    const r = sousei('kpi', 'import', 'samples/muroran-kpis.csv', '--municipality', '012050');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('KPI 4 行を読みました。変更 4 件');
    expect(r.stdout).toContain('事業「14. 待機児童対策」に KPI「待機児童数」（人）を追加');
    // No year is open for entry yet: actuals are reported, not written.
    expect(r.stderr).toContain(
      '警告 samples/muroran-kpis.csv 3 行目 16 列目（実績_R3）: 令和3年度 (R3) は「準備中」のため、この実績は取り込みません',
    );
    const again = sousei('kpi', 'import', 'samples/muroran-kpis.csv');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('変更はありません');
  });

  it('refuses a bad file: exit 2, every bad cell on stderr, nothing written', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      '区分,対象,指標名,単位,方向,種類,基準値,基準年度,目標値,目標年度\n事業,99,新しい指標,件,高,単年度,,,１００件,R6\n',
    );
    const r = sousei('kpi', 'import', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2 行目 2 列目（対象）: この事業は計画にありません');
    expect(r.stderr).toContain('2 行目 9 列目（目標値）: 読めません');
    expect(r.stderr).toContain('問題が 2 件');
    expect(sousei('kpi', 'import', 'samples/muroran-kpis.csv', '--dry-run').stdout).toContain(
      '変更はありません',
    );
  });

  it('names a missing file (exit 1)', () => {
    const r = sousei('kpi', 'import', join(dir, 'nowhere.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ファイルが見つかりません');
  });
});
