import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EXIT_OK } from '../../app/error-status.ts';
import type { OpenDataTable } from '../../app/export-plan.ts';
import { type ExportFormat, exportPlanFile } from '../../app/export-plan.ts';
import { SouseiError } from '../../core/errors.ts';
import { out } from '../cli-io.ts';
import { parseChoice, parseFiscalYearList } from '../cli-options.ts';
import { type GlobalOptions, withContext } from '../with-context.ts';

interface ExportOptions {
  format: string;
  municipality?: string;
  plan?: string;
  fiscalYear?: string;
  out?: string;
  layout?: string;
  table?: string;
  bom?: boolean;
  analysis?: boolean;
}

export function registerExport(program: Command, globals: () => GlobalOptions) {
  program
    .command('export')
    .description(
      '計画を書き出す: JSON（オープンデータ形式）、進捗状況表（TSV・Excel）、オープンデータ CSV',
    )
    .option('--format <format>', 'json、tsv、xlsx、csv', 'json')
    .option(
      '--layout <layout>',
      'xlsx: per-year（年度ごとのシート）または cumulative（累計の1シート）',
      'per-year',
    )
    .option(
      '--table <table>',
      'csv: projects（事業×年度）、entries（取組の記載）、figures（結果の数値）、kpis（KPI×年度）、plan（計画の全体）',
      'projects',
    )
    .option('--bom', 'csv: Excel で開けるよう UTF-8 の BOM を付ける')
    .option('--analysis', 'xlsx: 効果検証の文を「効果検証」シートに載せる')
    .option('--municipality <code>', '全国地方公共団体コード')
    .option('--plan <title>', '計画名')
    .option(
      '--fiscal-year <years>',
      'TSV に載せる年度（例: 2020 または R2,R3）。既定: 数値のある全年度',
    )
    .option('--out <file>', '書き出すファイル（既定: 標準出力）')
    .action(async (o: ExportOptions) => {
      const format = parseChoice<ExportFormat>(o.format, ['json', 'tsv', 'xlsx', 'csv']);
      const layout = parseChoice(o.layout ?? 'per-year', ['per-year', 'cumulative'] as const);
      const table = parseChoice<OpenDataTable>(o.table ?? 'projects', [
        'projects',
        'entries',
        'figures',
        'kpis',
        'plan',
      ]);
      const fiscalYears = parseFiscalYearList(o.fiscalYear);
      const file = await withContext(globals(), (ctx) =>
        exportPlanFile(ctx, {
          format,
          municipalityCode: o.municipality,
          title: o.plan,
          fiscalYears,
          layout,
          table,
          bom: o.bom,
          analysis: o.analysis,
        }),
      );
      if (o.out) writeFileSync(o.out, file.body);
      else if (typeof file.body === 'string') out(file.body);
      else if (process.stdout.isTTY) throw new SouseiError('usage', 'usage.binary-needs-out');
      else process.stdout.write(file.body);
      process.exitCode = EXIT_OK;
    });
}
