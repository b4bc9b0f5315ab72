import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadAnalysisPage } from '../../app/analysis/analysis-page.ts';
import { operatorOf } from '../../app/operator.ts';
import { closePdfBrowser, renderReportPdf } from '../../app/reports/report-pdf.tsx';
import { fiscalYearsWithFigures, resolvePlan } from '../../app/resolve-plan.ts';
import { loadPlanView } from '../../app/views/plan-view.ts';
import { SouseiError } from '../../core/errors.ts';
import { out } from '../cli-io.ts';
import { parseChoice, parseFiscalYearOption } from '../cli-options.ts';
import { type GlobalOptions, withContext } from '../with-context.ts';

interface ReportOptions {
  format: string;
  municipality?: string;
  plan?: string;
  fiscalYear?: string;
  out?: string;
  analysis?: boolean;
}

export function registerReport(program: Command, globals: () => GlobalOptions) {
  program
    .command('report')
    .description('進捗状況表を PDF（A3 横、見出し行の繰り返し、ページ番号）で書き出す')
    .option('--format <format>', 'pdf', 'pdf')
    .option('--municipality <code>', '全国地方公共団体コード')
    .option('--plan <title>', '計画名')
    .option(
      '--fiscal-year <year>',
      '年度（例: R2）または all（全年度の累計）。既定: 数値のある最新の年度',
    )
    .requiredOption('--out <file>', '書き出す PDF ファイル')
    .option(
      '--analysis',
      '効果検証の文（承認済みの文、なければ下書き）を含める（一つの年度のとき）',
    )
    .action(async (o: ReportOptions) => {
      parseChoice(o.format, ['pdf'] as const);
      try {
        await withContext(globals(), async (ctx) => {
          const summary = await resolvePlan(ctx, {
            municipalityCode: o.municipality,
            title: o.plan,
          });
          // The CLI is the operator's tool: it reads every year, as the planning division does.
          const operator = operatorOf(summary.municipalityCode);
          const view = await loadPlanView(ctx, operator, summary.municipalityCode, summary.id);
          const withFigures = fiscalYearsWithFigures(view.plan);
          const years =
            o.fiscalYear === 'all'
              ? withFigures
              : [
                  parseFiscalYearOption(o.fiscalYear) ??
                    withFigures.at(-1) ??
                    summary.firstFiscalYear,
                ];
          if (years.length === 0)
            throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
          const [year] = years;
          const analysis =
            o.analysis && years.length === 1 && year !== undefined
              ? await loadAnalysisPage(ctx, operator, view, year)
              : null;
          writeFileSync(o.out as string, await renderReportPdf(view, years, analysis));
        });
      } finally {
        await closePdfBrowser();
      }
      out(`PDF を書き出しました: ${o.out}`);
    });
}
