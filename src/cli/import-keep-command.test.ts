import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox, ROOT } from './cli-test-support.ts';
import { importPublishedSample, SAMPLE_TITLE } from './import-published-sample.ts';

/** `sousei import` of an open year never deletes what a published year holds. */
const cli = cliSandbox('import-keep');
const MAPPING = join(ROOT, 'docs/mappings/strategy-csv.json');
const TITLE = SAMPLE_TITLE;
afterAll(() => cli.remove());

describe('sousei import of an open year leaving out published projects', () => {
  it('is refused, dry run and import alike: exit 2, the projects named, nothing written', async () => {
    await importPublishedSample(cli);
    const before = cli.run(['export', '--format', 'json']).stdout;
    // A file of R3 (open) with one project: every other project of R2 (published) would go.
    const csv = join(cli.dir, 'strategy.csv');
    writeFileSync(
      csv,
      [
        '基本目標,施策,事業No,事業名,担当課,R3予算,R3決算,KPI,単位,目標値(R6),実績(R3)',
        '1. しごとをつくる,創業支援,1,創業支援事業,商工課,"9,999",980,創業件数,件,50,12',
      ].join('\r\n'),
    );
    const args = ['import', csv, '--mapping', MAPPING, '--municipality', '012050', '--plan', TITLE];
    for (const run of [[...args, '--dry-run'], args]) {
      const r = cli.run(run);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('事業 2 令和2年度');
      expect(r.stderr).toContain('公表済みの年度のデータ');
    }
    expect(cli.run(['export', '--format', 'json']).stdout).toBe(before);
  });
});
