import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ERROR_STATUS, EXIT_OK } from '../../app/error-status.ts';
import { importFile } from '../../app/import/import-file.ts';
import type { ImportFormat } from '../../app/import/import-input.ts';
import { readImportSettings, settingsPathFor } from '../../app/read-import-settings.ts';
import { SouseiError } from '../../core/errors.ts';
import { countBySeverity, hasErrors } from '../../core/finding.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { allProjects } from '../../core/plan.ts';
import { formatChange } from '../../i18n/format-finding.ts';
import { t } from '../../i18n/translate.ts';
import { err, isReadableFile, out, printFindings } from '../cli-io.ts';
import { parseChoice, parseFiscalYearOption } from '../cli-options.ts';
import { type GlobalOptions, withContext } from '../with-context.ts';

interface ImportOptions {
  municipality?: string;
  municipalityName?: string;
  plan?: string;
  kind?: string;
  fiscalYear?: string;
  format?: string;
  settings?: string;
  arrow?: string;
  mapping?: string;
  dryRun?: boolean;
}

export function registerImport(program: Command, globals: () => GlobalOptions) {
  program
    .command('import')
    .description(
      '進捗状況表（TSV・Excel）または計画の JSON を取り込む。問題があれば一件も書き込まない',
    )
    .argument('<file>', '取り込むファイル（.tsv / .txt / .xlsx / .json）')
    .option('--municipality <code>', '全国地方公共団体コード（例: 012050）')
    .option(
      '--municipality-name <name>',
      '団体名（省略可。全国地方公共団体コードの一覧の名称と照合する）',
    )
    .option('--plan <title>', '計画名')
    .option('--kind <kind>', '計画の種類（総合戦略、総合計画 など）')
    .option('--fiscal-year <year>', '表の年度（例: 2020、R2）。表の見出しと違えばエラー')
    .option('--format <format>', 'tsv、xlsx、json、csv（plan.csv）（既定: 拡張子と中身から判断）')
    .option('--settings <file>', '取り込み設定（既定: FILE と同名の .settings.json があれば使う）')
    .option('--arrow <meaning>', '⇒ の意味: revision（見直し）または target-actual（目標⇒実績）')
    .option(
      '--mapping <file>',
      '列の対応表（JSON、docs/mapping.md）: どの市の Excel・CSV でも取り込む',
    )
    .option('--dry-run', '検査と変更点の表示だけを行い、書き込まない')
    .action(async (file: string, o: ImportOptions) => {
      process.exitCode = await runImport(file, o, globals());
    });
}

async function runImport(file: string, o: ImportOptions, g: GlobalOptions): Promise<number> {
  // The importer reads the file itself (an xlsx in chunks, never whole): here only whether it is.
  if (!isReadableFile(file)) throw new SouseiError('usage', 'file.not-found', { path: file });
  if (o.mapping) return runMappedImport(file, o, g);
  const settings = readImportSettings(
    o.settings ?? settingsPathFor(file),
    o.settings !== undefined,
  );
  const format = o.format
    ? parseChoice<ImportFormat>(o.format, ['tsv', 'json', 'xlsx', 'csv'])
    : undefined;
  const arrow = o.arrow ? parseChoice(o.arrow, ['revision', 'target-actual'] as const) : undefined;
  return withContext(g, async (ctx) => {
    const outcome = await importFile(ctx, {
      path: file,
      fileName: file,
      format,
      municipalityCode: o.municipality ?? settings.municipality?.code,
      // The settings' name goes with the settings' code only: another code names another body.
      municipalityName:
        o.municipalityName ??
        (o.municipality === undefined ? settings.municipality?.name : undefined),
      title: o.plan ?? settings.plan?.title,
      kind: o.kind ?? settings.plan?.kind,
      fiscalYear: parseFiscalYearOption(o.fiscalYear),
      conventions: { ...settings.conventions, ...(arrow ? { arrow } : {}) },
      dryRun: o.dryRun,
    });
    const unit = outcome.plan?.amountUnit ?? '千円';
    printFindings(outcome.findings, unit);
    if (hasErrors(outcome.findings)) {
      err(t('import.invalid', { count: countBySeverity(outcome.findings).error }));
      return ERROR_STATUS['invalid-input'].exit;
    }
    const plan = outcome.plan;
    if (plan) {
      const years = outcome.fiscalYears.map((fy) => formatFiscalYear(fy, 'both')).join('・');
      out(
        `${o.dryRun ? '[確認のみ] ' : ''}${plan.municipality.name}（${plan.municipality.code}）「${plan.plan.title}」${years}: 事業 ${allProjects(plan).length} 件${o.dryRun ? '' : 'を取り込みました'}`,
      );
    }
    if (outcome.changes.length === 0) out(t('change.none'));
    for (const change of outcome.changes) out(`  ${formatChange(change, unit)}`);
    if (outcome.checks.length > 0) {
      err(`検査結果（${outcome.checks.length} 件。取り込みは妨げません）:`);
      printFindings(outcome.checks, unit);
    }
    return EXIT_OK;
  });
}

/** A progress bar on stderr while a large workbook streams in (only on a terminal). */
function progressBar(): (read: number, total: number) => void {
  let last = -1;
  return (read, total) => {
    if (!process.stderr.isTTY) return;
    const percent = Math.floor((read / Math.max(1, total)) * 100);
    if (percent === last) return;
    last = percent;
    const filled = Math.round(percent / 5);
    process.stderr.write(
      `\r読み込み中 [${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${percent}%`,
    );
    if (percent === 100) process.stderr.write('\n');
  };
}

async function runMappedImport(file: string, o: ImportOptions, g: GlobalOptions) {
  let mapping: unknown;
  try {
    mapping = JSON.parse(readFileSync(o.mapping as string, 'utf8'));
  } catch (e) {
    throw new SouseiError('invalid-input', 'mapping.invalid', {
      path: o.mapping ?? '',
      detail: e instanceof Error ? e.message : '',
    });
  }
  return withContext(g, async (ctx) => {
    const outcome = await importFile(ctx, {
      path: file,
      fileName: file,
      mapping,
      municipalityCode: o.municipality,
      municipalityName: o.municipalityName,
      title: o.plan,
      dryRun: o.dryRun,
      onProgress: progressBar(),
    });
    printFindings(outcome.findings);
    const s = outcome.summary;
    if (s) {
      out(
        `${o.dryRun ? '[確認のみ] ' : ''}行 ${s.rows}（読み飛ばし ${s.skippedRows}）→ 事業 ${s.projects}、階層 ${s.nodes.join('・')}、年度別の金額 ${s.financeYears}、指標 ${s.indicators}（実績 ${s.actuals}）、評価 ${s.evaluations}、タグ ${s.tags}、文章の取組・結果 ${s.texts}、財源・コストの内訳 ${s.financeDetails}`,
      );
    }
    if (hasErrors(outcome.findings)) {
      err(t('import.invalid', { count: countBySeverity(outcome.findings).error }));
      return ERROR_STATUS['invalid-input'].exit;
    }
    if (outcome.changes.length === 0) out(t('change.none'));
    for (const change of outcome.changes) out(`  ${formatChange(change)}`);
    return EXIT_OK;
  });
}
