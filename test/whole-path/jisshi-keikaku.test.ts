import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../src/app/app-test-support.ts';
import { DIALECTS, dialectAvailable } from '../../src/store/test-databases.ts';
import {
  JISSHI_COLUMNS,
  JISSHI_YEARS,
  jisshiKeikakuWorkbook,
} from '../fixtures/workbooks/jisshi-keikaku.ts';
import {
  expectedShape,
  importWholePath,
  nodesPerLevel,
  renderedReport,
  storedShape,
  totalTexts,
} from './whole-path.ts';

/**
 * Fixture c, the whole path: a 総合計画 実施計画 workbook of 210 columns (the small variant; the
 * 1,826-row one is `npm run bench`) → dry run → import → stored plan → report totals.
 */
const mapping = JSON.parse(
  readFileSync(new URL('../../docs/mappings/jisshi-keikaku.json', import.meta.url), 'utf8'),
);

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`fixture c, 実施計画, on ${dialect}`, () => {
    const ctx = useTestContext(dialect);

    it('imports 210 columns to the expected plan, and the report shows its totals', async () => {
      expect(JISSHI_COLUMNS).toBe(210);
      const { bytes, expected } = await jisshiKeikakuWorkbook(60);
      const run = await importWholePath(
        ctx(),
        { bytes, fileName: '実施計画.xlsx', mapping },
        '131016',
      );
      expect(run.dry.findings).toEqual([]);
      expect(run.dry.summary).toEqual({
        rows: 57,
        skippedRows: 0,
        projects: 57,
        nodes: expected.nodesPerLevel,
        financeYears: 570,
        indicators: expected.indicators,
        actuals: expected.actuals,
        evaluations: 57,
        // This layout has no flag, text or breakdown columns.
        tags: 0,
        texts: 0,
        financeDetails: 0,
      });
      expect(run.real.written).toBe(true);
      expect(run.real.summary).toEqual(run.dry.summary);
      expect(nodesPerLevel(run.view.plan)).toEqual(expected.nodesPerLevel);
      const stored = storedShape(run).map(({ indicators, ...p }) => p);
      const wanted = expectedShape(expected.projects).map(({ indicators, ...p }) => p);
      expect(stored).toEqual(wanted);
      expect(run.kpis.length).toBe(expected.indicators);
      expect(run.kpis.reduce((n, k) => n + k.actuals.length, 0)).toBe(expected.actuals);
      // Spot checks, written out: the seeded workbook's R2 totals and its fourth project.
      expect(expected.yearTotals[0]).toEqual({
        fiscalYear: 2020,
        budget: 718_857_000,
        settlement: 718_574_000,
      });
      expect(stored[3]).toMatchObject({
        no: '01009',
        finances: expect.arrayContaining([
          { fiscalYear: 2020, budget: 19_530_000, settlement: 19_529_000 },
        ]),
      });
      expect(nodesPerLevel(run.view.plan)).toEqual([3, 9, 20]);
      const report = await renderedReport(run.view, JISSHI_YEARS);
      expect(report.totals).toEqual(expected.yearTotals);
      for (const text of totalTexts(expected, run.view.plan.amountUnit)) {
        expect(report.html).toContain(text);
      }
    });
  });
}
