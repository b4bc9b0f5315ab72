import { describe, expect, it } from 'vitest';
import { useTestContext } from '../app-test-support.ts';
import { suggestMappingForFile } from '../mapping/suggest-mapping-for-file.ts';
import { PREVIEW_PROJECTS, previewImport } from './preview-import.ts';

/** A CSV keyed by code columns, rows ordered by project ID (not by the tree), 25 projects. */
function codedCsv(): Uint8Array {
  const lines = ['政策コード,政策名,施策コード,施策名,事業ID,事業名,担当課,R5予算,R5決算'];
  for (let i = 1; i <= 25; i++) {
    const policy = i % 2 === 1 ? ['1', '暮らし'] : ['2', '産業'];
    const measure = i % 2 === 1 ? [`1-${i % 3}`, `暮らし施策${i % 3}`] : ['2-1', '創業'];
    lines.push(
      [
        ...policy,
        ...measure,
        `${String(i).padStart(4, '0')}`,
        `事業${i}`,
        '企画課',
        i * 10,
        i,
      ].join(','),
    );
  }
  return new TextEncoder().encode(lines.join('\n'));
}

describe('previewing a mapped import', () => {
  const ctx = useTestContext();

  it('shows the first projects under their tree, nodes keyed by code, amounts per year, nothing written', async () => {
    const bytes = codedCsv();
    const { mapping } = await suggestMappingForFile({ bytes, fileName: 'coded.csv' });
    const p = await previewImport(ctx(), {
      bytes,
      fileName: 'coded.csv',
      mapping,
      municipalityCode: '131016',
      municipalityName: '千代田区',
      title: 'コードの計画',
    });
    expect(p.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect([p.shownProjects, p.totalProjects]).toEqual([PREVIEW_PROJECTS, 25]);
    expect(p.levels).toEqual(['政策', '施策', '事業']);
    const outline = p.rows.map((r) =>
      r.kind === 'node'
        ? `${'  '.repeat(r.depth)}${r.level} ${r.code} ${r.title}`
        : `${'  '.repeat(r.depth)}${r.no}`,
    );
    // Rows of one code gather under one node wherever they are in the file; codes order nodes.
    expect(outline.slice(0, 6)).toEqual([
      '政策 1 暮らし',
      '  施策 1-0 暮らし施策0',
      '    0003',
      '    0009',
      '    0015',
      '    0021',
    ]);
    expect(outline.filter((l) => l.trim().startsWith('政策'))).toEqual([
      '政策 1 暮らし',
      '政策 2 産業',
    ]);
    const first = p.rows.find((r) => r.kind === 'project');
    expect(first?.kind === 'project' && first.amounts.get(2023)).toEqual({
      budget: 30_000,
      settlement: 3_000,
    });
    expect(p.summary?.projects).toBe(25);
    expect(await ctx().store.plans.list('131016')).toEqual([]);
  });
});
