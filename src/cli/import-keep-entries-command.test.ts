import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from './cli-test-support.ts';
import { importPublishedSample, SAMPLE, SAMPLE_TITLE } from './import-published-sample.ts';

/** `sousei import` of an open year never rewrites a published year's results in place. */
const cli = cliSandbox('import-keep-entries');
const TITLE = SAMPLE_TITLE;
// A renamed copy of the sample names neither its city nor its plan.
const AS_MURORAN = ['--municipality', '012050', '--plan', TITLE];
afterAll(() => cli.remove());

/** The R2 results of the exported plan, one `no: text` line per ▶R2 entry. */
function r2Results(json: string): string[] {
  const lines: string[] = [];
  const walk = (value: unknown, no: string) => {
    if (Array.isArray(value)) for (const v of value) walk(v, no);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      const own = typeof o.no === 'string' ? o.no : no;
      if (o.kind === 'result' && o.fiscalYear === 2020) lines.push(`${own}: ${String(o.text)}`);
      for (const v of Object.values(o)) walk(v, own);
    }
  };
  walk(JSON.parse(json), '');
  return lines;
}

describe('sousei import of R3 over a published R2', () => {
  it('keeps every R2 result as published; a file changing one is refused, dry run alike', async () => {
    await importPublishedSample(cli);
    const published = r2Results(cli.run(['export', '--format', 'json']).stdout);
    expect(published).toContain('1: 41件');
    // The sample as a table of R3 (its figures' column), its activities' words unchanged.
    const r3Table = readFileSync(SAMPLE, 'utf8').replace('\tR2\t', '\tR3\t');
    // Of the same shape, its results R3's: matched by position, they were R2's.
    const r3 = join(cli.dir, 'r3.tsv');
    writeFileSync(r3, r3Table.replaceAll('▶R2', '▶R3'));
    const imported = cli.run(['import', r3, ...AS_MURORAN]);
    expect(imported.code).toBe(0);
    const after = cli.run(['export', '--format', 'json']).stdout;
    expect(r2Results(after)).toEqual(published);
    expect(after).toContain('"yearLabel": "R3…"');
    // An R3 table still carrying R2's results, one of them changed: refused, the change named.
    const changed = join(cli.dir, 'changed.tsv');
    writeFileSync(changed, r3Table.replace('▶R2…41件', '▶R2…45件'));
    for (const dryRun of [['--dry-run'], []]) {
      const r = cli.run(['import', changed, ...AS_MURORAN, ...dryRun]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('事業「移住推進事業」の取組 1「移住相談」');
      expect(r.stderr).toContain('公表済みの記載「41件」と異なります（ファイル：「45件」）');
    }
    expect(cli.run(['export', '--format', 'json']).stdout).toBe(after);
  });
});
