import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_SHEET } from '../../formats/xlsx/analysis-sheet.ts';
import { readProgressWorkbook } from '../../formats/xlsx/progress-workbook-reader.ts';
import { useTestContext } from '../app-test-support.ts';
import { exportPlanFile } from '../export-plan.ts';
import { ensureSampleLoaded } from '../load-sample.ts';
import { operatorOf } from '../operator.ts';
import { reportPdfDocument } from '../reports/report-pdf.tsx';
import { loadPlanView } from '../views/plan-view.ts';
import { loadAnalysisInput } from './analysis-input.ts';
import { loadOperatorAnalysis } from './operator-analysis.ts';

/** The analysis in the workbook's 「効果検証」 sheet and in the PDF's document (issue 12). */
describe('the analysis in the xlsx and the PDF', () => {
  const ctx = useTestContext();
  beforeAll(async () => {
    await ensureSampleLoaded(ctx());
  });

  it('adds a 「効果検証」 sheet with every scope’s text when asked, and the workbook still imports', async () => {
    const file = await exportPlanFile(ctx(), {
      format: 'xlsx',
      fiscalYears: [2020],
      analysis: true,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.body as Uint8Array) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet(ANALYSIS_SHEET);
    expect(sheet?.getRow(1).values).toEqual([undefined, '年度', '範囲', '状態', '効果検証の文']);
    const plan = sheet?.getRow(2).values as unknown[];
    expect(plan.slice(1, 4)).toEqual([
      '令和2年度',
      '第2期室蘭市まち・ひと・しごと創生総合戦略（全体）',
      '下書き',
    ]);
    expect(String(plan[4])).toContain(
      '予算は計70,090千円、決算は計52,139千円で、執行率は74.4%であった。',
    );
    // Plan, 3 goals and 9 measures, below the heading row.
    expect(sheet?.rowCount).toBe(14);

    const without = await exportPlanFile(ctx(), { format: 'xlsx', fiscalYears: [2020] });
    const bare = new ExcelJS.Workbook();
    await bare.xlsx.load(Buffer.from(without.body as Uint8Array) as unknown as ExcelJS.Buffer);
    expect(bare.getWorksheet(ANALYSIS_SHEET)).toBeUndefined();

    const back = await readProgressWorkbook(file.body as Uint8Array, async () => ({}));
    expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(back.plan?.nodes.length).toBe(3);
  });

  it('drafts the 今後の方針 the committee recorded, for members only', async () => {
    const summary = (await ctx().store.plans.list())[0];
    if (!summary) throw new Error('no plan');
    const indexed = await ctx().store.plans.loadIndexed('012050', summary.id);
    const [, ref] = [...(indexed?.projects ?? [])][0] ?? [];
    await ctx().store.evaluations.save(
      {
        municipalityCode: '012050',
        planId: summary.id,
        projectId: ref?.id ?? -1,
        fiscalYear: 2020,
      },
      { effect: null, policy: '発展' },
      { userId: null, origin: 'web', now: ctx().now() },
    );
    const { analysis } = await loadOperatorAnalysis(ctx(), {}, 2020);
    expect(analysis.scopes[0]?.generated).toContain('今後の方針は、「発展」1事業とされた。');
    // The public's view of a published year (the sample has none published here: the flag decides).
    const view = await loadPlanView(ctx(), operatorOf('012050'), '012050', summary.id);
    const input = await loadAnalysisInput(ctx(), { ...view, isMember: false }, 2020);
    expect(input.policies?.size).toBe(0);
  });

  it('puts the analysis after the table in the PDF’s document, as text without links', async () => {
    const { analysis } = await loadOperatorAnalysis(ctx(), {}, 2020);
    const summary = (await ctx().store.plans.list())[0];
    if (!summary) throw new Error('no plan');
    const view = await loadPlanView(ctx(), operatorOf('012050'), '012050', summary.id);
    const { html } = reportPdfDocument(view, [2020], analysis);
    expect(html).toContain('効果検証（令和2年度 (R2)）');
    expect(html).toContain('執行率は74.4%であった。');
    expect(html.slice(html.indexOf('効果検証（令和2年度'))).not.toContain('<a ');
    expect(reportPdfDocument(view, [2020]).html).not.toContain('効果検証（令和2年度');
  });
});
