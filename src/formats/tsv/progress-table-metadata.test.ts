import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readProgressTable } from './progress-table-reader.ts';
import { writeProgressTable } from './progress-table-writer.ts';
import { formatTsv, parseTsv } from './tsv-grid.ts';

const SAMPLE = readFileSync(
  new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url),
  'utf8',
);
const OPTIONS = { municipality: { code: '012050', name: '室蘭市' }, title: '総合戦略' };

function exported(): string {
  const { plan } = readProgressTable(parseTsv(SAMPLE), OPTIONS);
  if (!plan) throw new Error('sample unreadable');
  return formatTsv(writeProgressTable(plan, [2020]));
}

const codes = (text: string) => readProgressTable(parseTsv(text), {}).findings.map((f) => f.code);

describe('the metadata lines of an exported progress table', () => {
  it('refuses an outline that no longer matches the title rows, rather than guess', () => {
    const edited = exported().replace('「働くまち」の元気を維持する\t', '「働くまち」の元気\t');
    expect(codes(edited)).toEqual([]);
    const removed = exported()
      .split('\n')
      .filter((line) => !line.startsWith('「働くまち」の元気を維持する'))
      .join('\n');
    expect(codes(removed)).toContain('table.outline-mismatch');
  });

  it('reads the titles as a city table once the outline line is deleted', () => {
    const text = exported()
      .split('\n')
      .filter((line) => !line.startsWith('#見出し行の階層'))
      .join('\n');
    const { plan, findings } = readProgressTable(parseTsv(text), {});
    expect(findings).toEqual([]);
    expect(plan?.nodes.map((n) => n.children.length)).toEqual([2, 2, 2]);
  });

  it('names a metadata cell it cannot read', () => {
    const text = exported().replace('#自治体\t012050', '#自治体\t012051');
    const { plan, findings } = readProgressTable(parseTsv(text), {});
    expect(plan).toBeNull();
    expect(findings).toMatchObject([
      { code: 'table.metadata-invalid', location: { line: 2, column: 2 }, found: '012051' },
      { code: 'municipality.required' },
    ]);
  });

  it('reads a city table that merely starts with # as before', () => {
    const text = `#メモ\t作成中\n${SAMPLE}`;
    const { plan, findings } = readProgressTable(parseTsv(text), OPTIONS);
    expect(findings).toEqual([]);
    expect(plan?.nodes).toHaveLength(3);
  });
});
