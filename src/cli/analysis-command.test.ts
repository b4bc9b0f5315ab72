import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from './cli-test-support.ts';

/** `sousei analysis draft` as a user runs it: the real binary on a temporary SQLite file. */
const cli = cliSandbox('analysis-cli');
const sousei = (...args: string[]) => cli.run(args);

afterAll(() => cli.remove());

describe('sousei analysis draft', () => {
  it('prints the sample’s R2 draft: the plan, each goal and measure, the KPIs with their reason', () => {
    expect(sousei('import', 'samples/muroran-r2-progress.tsv').code).toBe(0);
    expect(sousei('kpi', 'import', 'samples/muroran-kpis.csv').code).toBe(0);
    const r = sousei('analysis', 'draft', '--fiscal-year', 'R2');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('第2期室蘭市まち・ひと・しごと創生総合戦略 令和2年度 の効果検証');
    expect(r.stdout).toContain(
      '総合戦略全体の予算は計70,090千円、決算は計52,139千円で、執行率は74.4%であった。',
    );
    expect(r.stdout).toContain(
      '■ 基本目標 1. まちの特性を活かした産業振興と魅力ある雇用の場の創出',
    );
    // The imported year is not closed (準備中): an actual missing is not yet final.
    expect(r.stdout).toContain(
      '数値目標「市内事業所の従業者数」は、令和2年度がまだ締め切られていないため、実績値が未確定である。',
    );
    expect(r.stdout).toContain('KPI「待機児童数」は、令和2年度がまだ締め切られていないため');
  });

  it('adds the 「効果検証」 sheet to the workbook with export --analysis', async () => {
    const out = join(cli.dir, 'r2.xlsx');
    const r = sousei(
      'export',
      '--format',
      'xlsx',
      '--fiscal-year',
      'R2',
      '--analysis',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('効果検証');
    expect(String(sheet?.getRow(2).getCell(4).value)).toContain('執行率は74.4%であった。');
  });

  it('shows the stored texts’ states with --stored, and refuses a bad year', () => {
    const r = sousei('analysis', 'draft', '--fiscal-year', 'R2', '--stored');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('■ 第2期室蘭市まち・ひと・しごと創生総合戦略（全体）［下書き］');
    expect(sousei('analysis', 'draft', '--fiscal-year', 'X9').code).toBe(1);
  });
});
