import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../src/app/app-test-support.ts';
import { DIALECTS, dialectAvailable } from '../../src/store/test-databases.ts';
import type { ExpectedPlan } from '../fixtures/workbooks/expected-plan.ts';
import {
  strategyProgressCsv,
  strategyProgressWorkbook,
} from '../fixtures/workbooks/strategy-progress-workbook.ts';
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
 * Fixture b, the whole path: a 総合戦略 progress workbook (one sheet per basic goal, merged
 * two-row headers, merged goal and measure cells) and its Shift_JIS CSV → dry run → import →
 * the stored plan is the expected one, to the yen → the report shows the expected totals.
 */
const mapping = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../docs/mappings/${name}`, import.meta.url), 'utf8'));

function expectWholePath(run: WholePathRun, expected: ExpectedPlan) {
  expect(run.dry.findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(run.dry.written).toBe(false);
  expect(run.dry.summary).toMatchObject({
    projects: expected.projects.length,
    nodes: expected.nodesPerLevel,
    indicators: expected.indicators,
    actuals: expected.actuals,
    evaluations: expected.evaluations,
  });
  expect(run.real.written).toBe(true);
  expect(run.real.summary).toEqual(run.dry.summary);
  expect(nodesPerLevel(run.view.plan)).toEqual(expected.nodesPerLevel);
  expect(storedShape(run)).toEqual(expectedShape(expected.projects));
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`fixture b, 総合戦略 progress, on ${dialect}`, () => {
    const ctx = useTestContext(dialect);

    it('imports the Shift_JIS CSV of every goal to the expected plan and report', async () => {
      const { bytes, model } = strategyProgressCsv();
      const run = await importWholePath(
        ctx(),
        { bytes, fileName: '総合戦略進捗.csv', mapping: mapping('strategy-progress-csv.json') },
        '012050',
      );
      expectWholePath(run, model.expected);
      // Spot checks, written out: the first project and the R4 totals.
      expect(storedShape(run)[0]).toMatchObject({
        no: '1',
        path: ['1 稼ぐ力を高め、安心して働けるしごとをつくる', '(1) 地域産業の振興'],
      });
      const years = model.expected.yearTotals.map((t) => t.fiscalYear);
      const report = await renderedReport(run.view, years);
      expect(report.totals).toEqual(model.expected.yearTotals);
      expect(model.expected.yearTotals[2]).toEqual({
        fiscalYear: 2022,
        budget: 1_033_052_000,
        settlement: 577_924_000,
      });
      for (const text of totalTexts(model.expected, run.view.plan.amountUnit)) {
        expect(report.html).toContain(text);
      }
    });

    it('imports one goal’s sheet of the workbook (merged headers and cells) the same way', async () => {
      const { bytes, model } = await strategyProgressWorkbook();
      const sheetMapping = { ...mapping('strategy-progress.json'), sheet: '基本目標2' };
      const run = await importWholePath(
        ctx(),
        { bytes, fileName: '総合戦略進捗.xlsx', mapping: sheetMapping, title: '基本目標2' },
        '011002',
      );
      const expected = model.expectedOfGoal(1);
      expectWholePath(run, expected);
      const report = await renderedReport(
        run.view,
        expected.yearTotals.map((t) => t.fiscalYear),
      );
      expect(report.totals).toEqual(expected.yearTotals);
    });
  });
}
