import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../src/app/app-test-support.ts';
import { allNodes, allProjects } from '../../src/core/plan.ts';
import { DIALECTS, dialectAvailable } from '../../src/store/test-databases.ts';
import type { JimuModel } from '../fixtures/workbooks/jimu-hyoka-model.ts';
import { jimuHyokaWorkbook } from '../fixtures/workbooks/jimu-hyoka-workbook.ts';
import { expectedShape, importWholePath, storedShape, type WholePathRun } from './whole-path.ts';

/**
 * Fixture a in full through mapping v2
 * (issue 10): furigana ignored, node codes stored, every indicator kept, tags and texts.
 * The workbook here has its furigana and the mapping is the documented one.
 */
const documented = JSON.parse(
  readFileSync(new URL('../../docs/mappings/jimu-jigyo-hyoka-v2.json', import.meta.url), 'utf8'),
);

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`fixture a in full, on ${dialect}`, () => {
    const ctx = useTestContext(dialect);
    let run: WholePathRun;
    let expected: JimuModel['expected'];
    beforeAll(async () => {
      const { bytes, model } = await jimuHyokaWorkbook();
      expected = model.expected;
      run = await importWholePath(
        ctx(),
        { bytes, fileName: '事務事業評価.xlsx', mapping: documented },
        '131016',
      );
    });

    it('reads headers and cells with furigana as their text (政策名, not メイ)', () => {
      expect(run.dry.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(run.real.written).toBe(true);
      const departments = new Set(storedShape(run).map((p) => p.department));
      expect(departments.has('子育て支援課')).toBe(true);
      expect([...departments].some((d) => d?.includes('コソダ'))).toBe(false);
    });

    it('stores each node’s code, nodes ordered by code', () => {
      const codes = [...allNodes(run.view.plan)].map(({ node }) => node.code);
      expect(codes.slice(0, 3)).toEqual(['01', '0101', '010101']);
      expect(codes).toHaveLength(4 + 11 + 16);
    });

    it('keeps every indicator: without target, same-named (renamed, warned), with its kind', () => {
      const warnings = run.dry.findings.filter((f) => f.code === 'mapping.indicator-renamed');
      expect(warnings.map((f) => f.params?.renamed)).toHaveLength(8);
      expect(run.dry.summary).toMatchObject({ indicators: 78, actuals: 201 });
      expect(storedShape(run).map((p) => p.indicators)).toEqual(
        expectedShape(expected.projects).map((p) => p.indicators),
      );
      const byNo = new Map(storedShape(run).map((p) => [p.no, p.indicators]));
      expect(byNo.get('0012')?.map((k) => k.name)).toEqual(['参加者数', '参加者数（2）']);
      expect(byNo.get('0131')?.filter((k) => k.name.startsWith('開催回数'))).toHaveLength(3);
      expect(byNo.get('0005')?.map((k) => k.target)).toEqual([null, null]);
    });

    it('counts every sub-yen cell it rounded, details included', () => {
      expect(run.dry.findings.filter((f) => f.severity === 'info')).toMatchObject([
        { code: 'mapping.amounts-rounded', params: { count: 27 } },
      ]);
    });

    it('tags the 総合戦略 projects and keeps 前年度実績 and 今年度計画 as results and activities', () => {
      const projects = allProjects(run.view.plan) as (ReturnType<typeof allProjects>[number] & {
        tags?: string[];
      })[];
      const tagged = projects.filter((p) => p.tags?.includes('総合戦略')).map((p) => p.no);
      expect(tagged.sort()).toEqual(
        ['0005', '0018', '0031', '0038', '0062', '0076', '0083', '0097', '0120', '0181'].sort(),
      );
      const first = projects.find((p) => p.no === '0001');
      expect(first?.activities.map((a) => a.text)).toEqual(
        expect.arrayContaining(['引き続き広報紙で周知した']),
      );
      const results = first?.activities.flatMap((a) => a.entries) ?? [];
      expect(results.map((e) => [e.kind, e.fiscalYear, e.text])).toEqual([
        ['result', 2023, '研修会を開催した'],
        ['result', 2023, '相談窓口を運営した'],
      ]);
    });
    it('keeps each year’s cost breakdown: funding sources, 人件費 and トータルコスト', () => {
      const first = allProjects(run.view.plan).find((p) => p.no === '0001');
      const r6 = first?.finances.find((f) => f.fiscalYear === 2024)?.details ?? [];
      expect(r6.map((d) => [d.kind, d.amount])).toEqual([
        ['source', 1_355_393],
        ['source', null],
        ['source', 27_207_000],
        ['source', null],
        ['source', 40_382_000],
        ['staff', 7_200_000],
        ['total', 76_144_393],
      ]);
      const lines = allProjects(run.view.plan).flatMap((p) =>
        p.finances.flatMap((f) => f.details ?? []),
      );
      // 240 project-years × 7 lines, less the 4 years whose lines are all empty (nothing stored).
      expect(lines).toHaveLength(1_680 - 4 * 7);
      expect(lines.filter((d) => d.amount !== null)).toHaveLength(953);
    });
  });
}
