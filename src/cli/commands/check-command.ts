import type { Command } from 'commander';
import { checkStoredPlan } from '../../app/check-stored-plan.ts';
import { EXIT_FINDINGS, EXIT_OK } from '../../app/error-status.ts';
import { countBySeverity } from '../../core/finding.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { formatFinding } from '../../i18n/format-finding.ts';
import { out } from '../cli-io.ts';
import { parseFiscalYearOption } from '../cli-options.ts';
import { type GlobalOptions, withContext } from '../with-context.ts';

interface CheckOptions {
  municipality?: string;
  plan?: string;
  fiscalYear?: string;
  strict?: boolean;
}

export function registerCheck(program: Command, globals: () => GlobalOptions) {
  program
    .command('check')
    .description('公表前の検査: 合計の不一致、予算超過の決算、決算なし・0、結果の記載なし など')
    .option('--municipality <code>', '全国地方公共団体コード')
    .option('--plan <title>', '計画名')
    .option('--fiscal-year <year>', '年度（既定: 締め切った最新の年度、なければ入力受付中の年度）')
    .option('--strict', 'エラーか警告が一件でもあれば終了コード 1 を返す')
    .action(async (o: CheckOptions) => {
      const result = await withContext(globals(), (ctx) =>
        checkStoredPlan(ctx, {
          municipalityCode: o.municipality,
          title: o.plan,
          fiscalYear: parseFiscalYearOption(o.fiscalYear),
        }),
      );
      const counts = countBySeverity(result.findings);
      out(
        `${result.plan.plan.title} ${formatFiscalYear(result.fiscalYear, 'both')}: エラー ${counts.error} 件、警告 ${counts.warning} 件`,
      );
      for (const f of result.findings) out(formatFinding(f, result.plan.amountUnit));
      process.exitCode = o.strict && counts.error + counts.warning > 0 ? EXIT_FINDINGS : EXIT_OK;
    });
}
