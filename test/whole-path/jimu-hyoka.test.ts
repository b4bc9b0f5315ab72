import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../../src/app/app-test-support.ts';
import { allNodes } from '../../src/core/plan.ts';
import { databaseOf } from '../../src/store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../src/store/test-databases.ts';
import type { JimuModel } from '../fixtures/workbooks/jimu-hyoka-model.ts';
import { jimuHyokaWorkbook } from '../fixtures/workbooks/jimu-hyoka-workbook.ts';
import {
  expectedShape,
  importWholePath,
  nodesPerLevel,
  renderedReport,
  storedShape,
  totalTexts,
  type WholePathRun,
} from './whole-path.ts';

/**
 * Fixture a, the whole path: a 事務事業評価 workbook like the (code columns, rows by ID,
 * six identical 事業費計（A）, sub-yen 千円, dash variants, three indicator slots, 「１ 現状維持」)
 * through mapping v2 → dry run → import → the expected plan to the yen → the report's totals.
 * The mapping here leaves out tags, texts and finance details, and the workbook its furigana, so
 * the plan's figures are tested alone; jimu-hyoka-full.test.ts reads the workbook with its
 * furigana through the documented mapping (docs/mappings/jimu-jigyo-hyoka-v2.json), all of it.
 */
const documented = JSON.parse(
  readFileSync(new URL('../../docs/mappings/jimu-jigyo-hyoka-v2.json', import.meta.url), 'utf8'),
);
const mapping = structuredClone(documented);
delete mapping.tags;
delete mapping.texts;
for (const f of mapping.finances) delete f.details;

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`fixture a, 事務事業評価, on ${dialect}`, () => {
    const ctx = useTestContext(dialect);

    let run: WholePathRun;
    let expected: JimuModel['expected'];
    beforeAll(async () => {
      const { bytes, model } = await jimuHyokaWorkbook(40, 10, { furigana: false });
      expected = model.expected;
      run = await importWholePath(
        ctx(),
        { bytes, fileName: '事務事業評価.xlsx', mapping },
        '131016',
      );
    });

    it('stores the tree keyed by code and every project, its totals rounded to the yen', async () => {
      expect(run.dry.findings.filter((f) => f.severity === 'error')).toEqual([]);
      // One info counts the rounded 事業費計 cells (0001's R6, 68,944.3925 千円, among them).
      expect(run.dry.findings.filter((f) => f.severity === 'info')).toMatchObject([
        { code: 'mapping.amounts-rounded', params: { count: 9 } },
      ]);
      expect(expected.subYenTotals).toBe(9);
      expect(run.dry.summary).toMatchObject({ rows: 40, projects: 40, nodes: [4, 11, 16] });
      expect(run.real.written).toBe(true);
      expect(run.real.summary).toEqual(run.dry.summary);
      expect(nodesPerLevel(run.view.plan)).toEqual(expected.nodesPerLevel);
      const withoutIndicators = (list: ReturnType<typeof expectedShape>) =>
        list.map(({ indicators, ...p }) => p);
      expect(withoutIndicators(storedShape(run))).toEqual(
        withoutIndicators(expectedShape(expected.projects)),
      );
      const first = storedShape(run).find((p) => p.no === '0001');
      expect(first?.finances.find((f) => f.fiscalYear === 2024)?.settlement).toBe(68_944_393);
      // R7 of 0025, 0076, 0114, 0158 is ‐ – － 未定 (emptyTokens): no budget, not 0.
      const ended = storedShape(run).filter((p) => !p.finances.some((f) => f.fiscalYear === 2025));
      expect(ended.map((p) => p.no).sort()).toEqual(['0025', '0076', '0114', '0158']);
      expect(first?.path).toEqual([
        '1 安心して暮らせるまち',
        '1-2 高齢者福祉の推進',
        '担い手の育成（高齢者福祉）',
      ]);
    });

    it('stores each node’s code, nodes ordered by code', () => {
      const codes = [...allNodes(run.view.plan)].map(({ node }) => node.code);
      expect(codes.slice(0, 3)).toEqual(['01', '0101', '010101']);
      expect(codes).toHaveLength(4 + 11 + 16);
    });

    it('keeps every indicator: without target, same-named (renamed, warned), with its kind', () => {
      const warnings = run.dry.findings.filter((f) => f.severity === 'warning');
      expect(warnings.map((f) => f.code)).toEqual(Array(8).fill('mapping.indicator-renamed'));
      expect(run.dry.summary).toMatchObject({ indicators: 78, actuals: 201 });
      expect(run.kpis).toHaveLength(78);
      expect(storedShape(run).map((p) => p.indicators)).toEqual(
        expectedShape(expected.projects).map((p) => p.indicators),
      );
      const byNo = new Map(storedShape(run).map((p) => [p.no, p.indicators]));
      expect(byNo.get('0012')?.map((k) => k.name)).toEqual(['参加者数', '参加者数（2）']);
      expect(byNo.get('0131')?.map((k) => k.name)).toEqual([
        '開催回数',
        '開催回数（2）',
        '開催回数（3）',
      ]);
      expect(byNo.get('0005')?.map((k) => k.target)).toEqual([null, null]);
      expect(run.kpis.filter((k) => k.definition.category === 'outcome')).toHaveLength(20);
    });

    it('prints the expected totals in the report', async () => {
      const report = await renderedReport(run.view, [2020, 2021, 2022, 2023, 2024, 2025]);
      expect(report.totals).toEqual(expected.yearTotals);
      expect(expected.yearTotals.slice(4)).toEqual([
        { fiscalYear: 2024, budget: null, settlement: 2_341_019_421 },
        { fiscalYear: 2025, budget: 2_156_681_620, settlement: null },
      ]);
      for (const text of totalTexts(expected, run.view.plan.amountUnit)) {
        expect(report.html).toContain(text);
      }
    });

    it('maps 「１ 現状維持」 and the other policies through the value map', async () => {
      expect(run.dry.summary?.evaluations).toBe(40);
      const policies = await databaseOf(ctx().store)
        .selectFrom('evaluations')
        .innerJoin('projects', 'projects.id', 'evaluations.project_id')
        .select(['projects.no', 'evaluations.policy'])
        .where('evaluations.municipality_code', '=', '131016')
        .execute();
      const policyOf = new Map(policies.map((p) => [p.no, p.policy]));
      expect(expected.projects.map((p) => policyOf.get(p.no) ?? null)).toEqual(
        expected.projects.map((p) => p.evaluation?.policy ?? null),
      );
    });
  });
}
