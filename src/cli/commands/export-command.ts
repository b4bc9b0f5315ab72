import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EXIT_OK } from '../../app/error-status.ts';
import { type ExportFormat, exportPlan } from '../../app/export-plan.ts';
import { out } from '../cli-io.ts';
import { parseChoice, parseFiscalYearList } from '../cli-options.ts';
import { type GlobalOptions, withContext } from '../with-context.ts';

interface ExportOptions {
  format: string;
  municipality?: string;
  plan?: string;
  fiscalYear?: string;
  out?: string;
}

export function registerExport(program: Command, globals: () => GlobalOptions) {
  program
    .command('export')
    .description('計画を JSON（オープンデータ形式）または進捗状況表（TSV）で書き出す')
    .option('--format <format>', 'json または tsv', 'json')
    .option('--municipality <code>', '全国地方公共団体コード')
    .option('--plan <title>', '計画名')
    .option(
      '--fiscal-year <years>',
      'TSV に載せる年度（例: 2020 または R2,R3）。既定: 数値のある全年度',
    )
    .option('--out <file>', '書き出すファイル（既定: 標準出力）')
    .action(async (o: ExportOptions) => {
      const format = parseChoice<ExportFormat>(o.format, ['json', 'tsv']);
      const fiscalYears = parseFiscalYearList(o.fiscalYear);
      const text = await withContext(globals(), (ctx) =>
        exportPlan(ctx, { format, municipalityCode: o.municipality, title: o.plan, fiscalYears }),
      );
      if (o.out) writeFileSync(o.out, text);
      else out(text);
      process.exitCode = EXIT_OK;
    });
}
