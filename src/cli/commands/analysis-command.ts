import type { Command } from 'commander';
import type { AnalysisPageView } from '../../app/analysis/analysis-page.ts';
import { loadOperatorAnalysis } from '../../app/analysis/operator-analysis.ts';
import { scopeHeading } from '../../core/analysis/draft-analysis.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { t } from '../../i18n/translate.ts';
import { out } from '../cli-io.ts';
import { parseFiscalYearOption } from '../cli-options.ts';
import { type GlobalOptions, withContext } from '../with-context.ts';

interface DraftOptions {
  municipality?: string;
  plan?: string;
  fiscalYear?: string;
  stored?: boolean;
}

/** Plain text: each scope's heading (with its state when the stored text is shown), then its text. */
function render(title: string, a: AnalysisPageView, stored: boolean): string {
  const lines = [
    `${title} ${t('analysis.title', { fiscalYear: formatFiscalYear(a.fiscalYear, 'long') })}`,
  ];
  for (const s of a.scopes) {
    const state = stored ? `［${t(`analysis.state.${s.state}`)}］` : '';
    lines.push('', `■ ${scopeHeading(s.draft)}${state}`, '', stored ? s.text : s.generated);
  }
  return lines.join('\n');
}

export function registerAnalysis(program: Command, globals: () => GlobalOptions) {
  const analysis = program
    .command('analysis')
    .description('効果検証の文案（計画全体・基本目標・具体的な施策ごと）をデータから作る');
  analysis
    .command('draft')
    .description('効果検証の下書きをテキストで表示する（--stored: 保存・承認された文）')
    .option('--municipality <code>', '全国地方公共団体コード')
    .option('--plan <title>', '計画名')
    .option('--fiscal-year <year>', '年度（例: R2）。既定: 締め切った最新の年度')
    .option('--stored', '保存・承認された文を表示する（なければ下書き）')
    .action(async (o: DraftOptions) => {
      const text = await withContext(globals(), async (ctx) => {
        const { title, analysis: a } = await loadOperatorAnalysis(
          ctx,
          { municipalityCode: o.municipality, title: o.plan },
          parseFiscalYearOption(o.fiscalYear),
        );
        return render(title, a, o.stored === true);
      });
      out(text);
    });
}
