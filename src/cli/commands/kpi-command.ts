import type { Command } from 'commander';
import { ERROR_STATUS, EXIT_OK } from '../../app/error-status.ts';
import { importKpis } from '../../app/kpi/import-kpis.ts';
import { formatKpiChange } from '../../app/kpi/kpi-import-changes.ts';
import { SouseiError } from '../../core/errors.ts';
import { countBySeverity, hasErrors } from '../../core/finding.ts';
import { t } from '../../i18n/translate.ts';
import { err, isReadableFile, out, printFindings } from '../cli-io.ts';
import { type GlobalOptions, withContext } from '../with-context.ts';

interface KpiImportOptions {
  municipality?: string;
  plan?: string;
  dryRun?: boolean;
}

/** `sousei kpi import FILE`: KPI definitions, year targets and actuals from a CSV (docs/kpi-import.md). */
export function registerKpi(program: Command, globals: () => GlobalOptions) {
  const kpi = program.command('kpi').description('KPI（数値目標・KPI・事業KPI）');
  kpi
    .command('import')
    .description(
      'KPI の定義・年度目標・実績を CSV から取り込む（列は docs/kpi-import.md）。問題があれば一件も書き込まない',
    )
    .argument('<file>', '取り込む CSV（UTF-8〔BOM 有無〕または Shift_JIS）')
    .option('--municipality <code>', '全国地方公共団体コード（例: 012050）')
    .option('--plan <title>', '計画名（団体の計画が一つなら省略可）')
    .option('--dry-run', '検査と変更点の表示だけを行い、書き込まない')
    .action(async (file: string, o: KpiImportOptions) => {
      process.exitCode = await runKpiImport(file, o, globals());
    });
}

async function runKpiImport(file: string, o: KpiImportOptions, g: GlobalOptions): Promise<number> {
  // The importer reads the file itself: here only whether it is there.
  if (!isReadableFile(file)) throw new SouseiError('usage', 'file.not-found', { path: file });
  return withContext(g, async (ctx) => {
    const outcome = await importKpis(
      ctx,
      { operator: true },
      {
        fileName: file,
        path: file,
        municipalityCode: o.municipality,
        planTitle: o.plan,
        dryRun: o.dryRun,
      },
    );
    printFindings(outcome.findings);
    if (hasErrors(outcome.findings)) {
      err(t('import.invalid', { count: countBySeverity(outcome.findings).error }));
      return ERROR_STATUS['invalid-input'].exit;
    }
    const plan = outcome.plan;
    out(
      `${o.dryRun ? '[確認のみ] ' : ''}${plan.municipalityName}（${plan.municipalityCode}）「${plan.title}」: ${t('kpi.import.summary', { rows: outcome.rows, changes: outcome.changes.length })}`,
    );
    if (outcome.changes.length === 0) out(t('change.none'));
    for (const change of outcome.changes) out(`  ${formatKpiChange(change)}`);
    return EXIT_OK;
  });
}
