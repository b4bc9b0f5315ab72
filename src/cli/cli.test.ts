import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox, ROOT } from './cli-test-support.ts';

/** Runs the real `sousei` binary, as a user would, against a temporary SQLite file. */
const cli = cliSandbox('cli');
const dir = cli.dir;
const SAMPLE = join(ROOT, 'samples/muroran-r2-progress.tsv');
const sousei = (...args: string[]) => cli.run(args);
const souseiWithInput = (input: string | undefined, ...args: string[]) => cli.run(args, input);

afterAll(() => cli.remove());

describe('sousei CLI', () => {
  it('prints help with the exit codes', () => {
    const r = sousei('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('import');
    expect(r.stdout).toContain('終了コード');
  });

  it('refuses a file with errors: exit 2, every problem on stderr with its line, nothing written', () => {
    const bad = join(dir, 'bad.tsv');
    writeFileSync(
      bad,
      readFileSync(SAMPLE, 'utf8')
        .replace('\t322\t490\t', '\t３２２円?\t490\t')
        .replace('\t2,810\t2,352\t', '\t2,810\t2.352.1\t'),
    );
    const r = sousei(
      'import',
      bad,
      '--municipality',
      '012050',
      '--municipality-name',
      '室蘭市',
      '--plan',
      'P',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('11 行目 4 列目（R2 予算）: 金額として読めません');
    expect(r.stderr).toContain('実際: 「３２２円?」');
    expect(r.stderr).toContain('12 行目 5 列目（R2 決算）');
    expect(r.stderr).toContain('問題が 2 件');
    expect(sousei('show').code).toBe(3);
  });

  it('asks for the municipality when nothing names it (exit 1)', () => {
    const copy = join(dir, 'copy.tsv');
    writeFileSync(copy, readFileSync(SAMPLE));
    const r = sousei('import', copy);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--municipality');
  });

  it('rejects a municipality code with a wrong check digit', () => {
    const r = sousei('import', SAMPLE, '--municipality', '012051');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('全国地方公共団体コードが正しくありません: 012051');
  });

  it('imports the sample with its settings file, then shows it with totals', () => {
    const dry = sousei('import', SAMPLE, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('[確認のみ]');
    expect(sousei('show').code).toBe(3);

    const r = sousei('import', SAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '室蘭市（012050）「第2期室蘭市まち・ひと・しごと創生総合戦略」令和2年度 (R2): 事業 24 件を取り込みました',
    );
    const show = sousei('show');
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/70,090\s+52,139\s+74\.4%\s+合計/);
    expect(show.stdout).toMatch(/322\s+490\s+152\.2%\s+1\. 移住推進事業/);
    expect(show.stdout).toMatch(/-\s+-\s+-\s+16\. 市有地を活用した宅地供給/);
  });

  it('says nothing changed when the same file is imported again', () => {
    const r = sousei('import', SAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('変更はありません');
  });

  it('exports TSV and JSON to stdout or a file', () => {
    const tsv = sousei('export', '--format', 'tsv');
    expect(tsv.code).toBe(0);
    expect(tsv.stdout).toContain(
      '\t1\t移住推進事業\t322\t490\t<input type="checkbox"/> 移住相談 ▶R2…41件',
    );
    const file = join(dir, 'plan.json');
    expect(sousei('export', '--format', 'json', '--out', file).code).toBe(0);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.municipality).toEqual({ code: '012050', name: '室蘭市' });
    expect(doc.goals[0].directions[0].measures[0].projects[0].finances).toEqual([
      { fiscalYear: 2020, budget: 322, settlement: 490 },
    ]);
    expect(sousei('export', '--format', 'xml').code).toBe(1);
  });

  it('exports the Excel workbook and imports it back without a change', () => {
    const file = join(dir, 'muroran.xlsx');
    expect(sousei('export', '--format', 'xlsx', '--out', file).code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    // No --municipality, no --plan: the workbook names both, and the CLI says which it read.
    const back = sousei('import', file);
    expect(back.stderr).not.toContain('エラー');
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('室蘭市（012050）「第2期室蘭市まち・ひと・しごと創生総合戦略」');
    expect(back.stdout).toContain('変更はありません');
    // Binary data is not written to a terminal-less stdout by surprise: it needs --out or a pipe.
    expect(sousei('export', '--format', 'xlsx').code).toBe(0);
  });

  it('exports open-data CSV with a BOM for Excel', () => {
    const r = sousei('export', '--format', 'csv', '--table', 'projects', '--bom');
    expect(r.code).toBe(0);
    expect(
      r.stdout.startsWith('\uFEFF全国地方公共団体コード,団体名,計画名,年度,年度（和暦）'),
    ).toBe(true);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines).toHaveLength(25);
    expect(lines[1]).toBe(
      '012050,室蘭市,第2期室蘭市まち・ひと・しごと創生総合戦略,2020,令和2年度,1. まちの特性を活かした産業振興と魅力ある雇用の場の創出,「働くまち」として室蘭を選んでもらう,地元企業への就職促進とUIターン の推進,1,移住推進事業,,,322000,490000,152.2,',
    );
    const entries = sousei('export', '--format', 'csv', '--table', 'entries');
    expect(entries.stdout.trim().split('\r\n')).toHaveLength(49);
  });

  it('check lists the findings, exit 0 by default and 1 with --strict', () => {
    const r = sousei('check');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('エラー 0 件、警告 10 件');
    expect(r.stdout).toContain(
      '事業 1 令和2年度 (R2): 決算 490 千円 が予算 322 千円 を上回っています',
    );
    expect(r.stdout).toContain('事業 22 令和2年度 (R2): この年度の事業の結果（▶）がありません');
    expect(sousei('check', '--strict').code).toBe(1);
    expect(sousei('check', '--fiscal-year', 'R9x').code).toBe(1);
  });

  it('creates the first administrator from the CLI with --password-stdin', () => {
    const ok = souseiWithInput(
      'correct horse battery\n',
      'user',
      'add',
      '--role',
      'admin',
      '--municipality',
      '012050',
      '--password-stdin',
      'Admin@Example.JP',
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('利用者を追加しました: Admin@Example.JP');
    const again = souseiWithInput(
      'correct horse battery\n',
      'user',
      'add',
      '--role',
      'admin',
      '--municipality',
      '012050',
      '--password-stdin',
      'admin@example.jp',
    );
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('すでに登録されています');
    const short = souseiWithInput(
      'short\n',
      'user',
      'add',
      '--role',
      'editor',
      '--municipality',
      '012050',
      '--password-stdin',
      'e@example.jp',
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('12文字以上');
    const badRole = souseiWithInput(
      'correct horse battery\n',
      'user',
      'add',
      '--role',
      'mayor',
      '--municipality',
      '012050',
      '--password-stdin',
      'm@example.jp',
    );
    expect(badRole.code).toBe(1);
    // Without a terminal and without --password-stdin there is nobody to ask.
    const noTty = souseiWithInput(
      '',
      'user',
      'add',
      '--role',
      'admin',
      '--municipality',
      '012050',
      'x@example.jp',
    );
    expect(noTty.code).toBe(1);
    expect(noTty.stderr).toContain('--password-stdin');
  });

  it('names the plan that was not found (exit 3)', () => {
    const r = sousei('show', '--plan', 'ない計画');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('計画が見つかりません');
  });
});
