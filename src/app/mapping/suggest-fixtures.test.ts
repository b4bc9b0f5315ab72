import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  ExpectedFinance,
  ExpectedPlan,
} from '../../../test/fixtures/workbooks/expected-plan.ts';
import { POLICY_VALUES } from '../../../test/fixtures/workbooks/jimu-hyoka-model.ts';
import { jimuHyokaWorkbook } from '../../../test/fixtures/workbooks/jimu-hyoka-workbook.ts';
import { jisshiKeikakuWorkbook } from '../../../test/fixtures/workbooks/jisshi-keikaku.ts';
import {
  strategyProgressCsv,
  strategyProgressWorkbook,
} from '../../../test/fixtures/workbooks/strategy-progress-workbook.ts';
import { allProjects, type Plan } from '../../core/plan.ts';
import { useTestContext } from '../app-test-support.ts';
import { importFile } from '../import/import-file.ts';
import { suggestMappingForFile } from './suggest-mapping-for-file.ts';

/** A city that kept its own 今後の方針 words (the fixture's 継続・改善・拡充・縮小・廃止). */
const CITY_POLICIES = [...new Set(Object.values(POLICY_VALUES))];

/** Per-year totals of the plan read, in the fixtures' shape (years with no figure left out). */
function yearTotals(plan: Plan | null, years: readonly number[]): ExpectedFinance[] {
  const projects = allProjects(plan ?? { nodes: [] });
  return years.map((fiscalYear) => {
    const sum = (what: 'budget' | 'settlement') => {
      const values = projects
        .map((p) => p.finances.find((f) => f.fiscalYear === fiscalYear)?.[what] ?? null)
        .filter((v): v is number => v !== null);
      return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
    };
    return { fiscalYear, budget: sum('budget'), settlement: sum('settlement') };
  });
}

/**
 * The suggestion against the fixture workbooks of helper "workbooks" (test/fixtures/workbooks):
 * imported with the suggested mapping as it comes, each gives the plan its builder expects.
 */
describe('suggested mappings import the fixture workbooks correctly', () => {
  const ctx = useTestContext();
  const dryRun = async (
    bytes: Uint8Array,
    fileName: string,
    expected: ExpectedPlan,
    policies?: readonly string[],
  ) => {
    const s = await suggestMappingForFile({ bytes, fileName, policies });
    const r = await importFile(ctx(), {
      bytes,
      fileName,
      mapping: s.mapping,
      municipalityCode: '131016',
      municipalityName: '千代田区',
      title: '提案で取り込む計画',
      dryRun: true,
    });
    expect(
      r.findings
        .filter((f) => f.severity === 'error')
        .map((f) => [f.code, f.location?.cell, f.found])
        .slice(0, 3),
    ).toEqual([]);
    expect(r.summary?.projects).toBe(expected.projects.length);
    expect(r.summary?.nodes).toEqual(expected.nodesPerLevel);
    expect(r.plan?.plan.levels).toEqual(expected.levels);
    const years = expected.yearTotals.map((y) => y.fiscalYear);
    expect(yearTotals(r.plan, years)).toEqual(expected.yearTotals);
    expect(r.summary?.indicators).toBe(expected.indicators);
    expect(r.summary?.actuals).toBe(expected.actuals);
    return { ...s, summary: r.summary };
  };

  it('a 総合戦略 progress workbook (merged two-row headers, one sheet per goal)', async () => {
    const { bytes, model } = await strategyProgressWorkbook();
    const s = await dryRun(bytes, 'progress.xlsx', model.expectedOfGoal(0));
    expect((s.mapping as { sheet: string }).sheet).toBe('基本目標1');
  });

  it('its Shift_JIS CSV variant', async () => {
    const { bytes, model } = strategyProgressCsv();
    await dryRun(bytes, 'progress.csv', model.expected);
  });

  it('a 実施計画 workbook of 210 columns (year blocks under merged labels, six indicators)', async () => {
    const { bytes, expected } = await jisshiKeikakuWorkbook();
    const s = await dryRun(bytes, 'jisshi.xlsx', expected);
    expect(s.questions.map((q) => q.code)).toContain('suggest.target-year-assumed');
  });

  it('a 事務事業評価 workbook (code columns, rows by ID, six unlabelled year blocks, sub-yen 千円)', async () => {
    // Without furigana: the xlsx reader still reads a header's phonetic run (issue 10, not here).
    const { bytes, model } = await jimuHyokaWorkbook(40, 10, { furigana: false });
    const s = await dryRun(bytes, 'hyoka.xlsx', model.expected, CITY_POLICIES);
    // The same counts as the documented hand-written mapping: tags, texts and details included.
    const documented = JSON.parse(
      readFileSync(
        new URL('../../../docs/mappings/jimu-jigyo-hyoka-v2.json', import.meta.url),
        'utf8',
      ),
    );
    const byHand = await importFile(ctx(), {
      bytes,
      fileName: 'hyoka.xlsx',
      mapping: documented,
      municipalityCode: '131016',
      municipalityName: '千代田区',
      dryRun: true,
    });
    expect(s.summary).toEqual(byHand.summary);
    const projects = model.expected.projects;
    expect(s.summary).toMatchObject({
      tags: projects.filter((p) => p.tags.length > 0).length,
      texts: projects.reduce((n, p) => n + p.activities.length + p.results.length, 0),
    });
    const m = s.mapping as { columns: { levels: unknown[] }; rounding?: string };
    expect(m.columns.levels[0]).toEqual({
      name: { header: '政策名' },
      code: { header: '政策コード' },
    });
    expect(m.rounding).toBe('round');
    expect((s.mapping as { emptyTokens?: string[] }).emptyTokens).toEqual(['未定']);
    expect(s.questions.filter((q) => q.code === 'suggest.year-unreadable')).toHaveLength(6);
  });
});
