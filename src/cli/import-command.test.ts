import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../app/app-context.ts';
import { databaseOf } from '../store/raw-database.ts';
import { cliSandbox, ROOT } from './cli-test-support.ts';

/** `sousei import` takes the same one path for a plain and a mapped file: closed years hold. */
const cli = cliSandbox('import');
const SAMPLE = join(ROOT, 'samples/muroran-r2-progress.tsv');
const MAPPING = join(ROOT, 'docs/mappings/strategy-csv.json');
const TITLE = '第2期室蘭市まち・ひと・しごと創生総合戦略';
afterAll(() => cli.remove());

describe('sousei import into a published year', () => {
  it('refuses a mapped file that writes a published year: exit 2, the year named, nothing written', async () => {
    expect(cli.run(['import', SAMPLE]).code).toBe(0);
    const ctx = await openAppContext(cli.databaseUrl);
    try {
      const planId = (await ctx.store.plans.findId('012050', TITLE)) as number;
      await databaseOf(ctx.store)
        .insertInto('plan_years')
        .values({
          plan_id: planId,
          municipality_code: '012050',
          fiscal_year: 2021,
          status: 'published',
          updated_at: ctx.now(),
          updated_by: null,
          published_at: ctx.now(),
          publish_override: null,
        })
        .execute();
    } finally {
      await ctx.store.close();
    }
    const before = cli.run(['export', '--format', 'json']).stdout;
    const csv = join(cli.dir, 'strategy.csv');
    writeFileSync(
      csv,
      [
        '基本目標,施策,事業No,事業名,担当課,R3予算,R3決算,KPI,単位,目標値(R6),実績(R3)',
        '1. しごとをつくる,創業支援,1,創業支援事業,商工課,"9,999",980,創業件数,件,50,12',
      ].join('\r\n'),
    );
    const r = cli.run([
      'import',
      csv,
      '--mapping',
      MAPPING,
      '--municipality',
      '012050',
      '--plan',
      TITLE,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('令和3年度');
    expect(r.stderr).toContain('公表済み');
    expect(cli.run(['export', '--format', 'json']).stdout).toBe(before);
  });
});

describe('sousei import: the municipality by its code', () => {
  it('takes the name from the list, refuses one that is not the code’s, naming both', () => {
    const other = ['--database', `sqlite:${join(cli.dir, 'names.db')}`];
    const wrong = cli.run([
      ...other,
      'import',
      SAMPLE,
      '--municipality',
      '012050',
      '--municipality-name',
      '登別市',
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('「室蘭市」');
    expect(wrong.stderr).toContain('「登別市」');
    const unknown = cli.run([...other, 'import', SAMPLE, '--municipality', '012998']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('012092 夕張市');
    // Another code than the settings': the settings' name (室蘭市) does not go with it.
    const sapporo = cli.run([...other, 'import', SAMPLE, '--municipality', '011002']);
    expect(sapporo.code, sapporo.stderr).toBe(0);
    expect(cli.run([...other, 'show', '--municipality', '011002']).stdout).toContain('札幌市');
  });
});
