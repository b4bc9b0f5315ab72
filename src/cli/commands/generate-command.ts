import type { Command } from 'commander';
import { parseGenerateOptions } from '../../app/generate/generate-options.ts';
import { importGeneratedSet } from '../../app/generate/import-generated.ts';
import { generateNationalSet } from '../../app/generate/national-set.ts';
import { writeGeneratedSet } from '../../app/generate/write-generated-set.ts';
import { SouseiError } from '../../core/errors.ts';
import { t } from '../../i18n/translate.ts';
import { err } from '../cli-io.ts';
import { type GlobalOptions, withContext } from '../with-context.ts';

interface GenerateCommandOptions {
  seed?: string;
  municipalities?: string;
  out?: string;
}

/** A count on stderr every 50 municipalities, only on a terminal. */
function progress(total: number): (done: number) => void {
  return (done) => {
    if (process.stderr.isTTY && (done % 50 === 0 || done === total)) {
      process.stderr.write(`\r${done} / ${total}${done === total ? '\n' : ''}`);
    }
  };
}

export function registerGenerate(program: Command, globals: () => GlobalOptions) {
  program
    .command('generate')
    .description(
      '全国の見本データ（1,788 団体 × 5 年度 × 50 事業、KPI と公表年度つき）を乱数の種から決定的に作る',
    )
    .option('--seed <n>', '乱数の種（同じ種からは同じデータ）', '1')
    .option('--municipalities <k>', '団体の数（全国から均等に選ぶ。既定: 全 1,788 団体）')
    .option('--out <dir>', '計画の JSON と KPI の CSV を書き出すフォルダ')
    .addHelpText(
      'after',
      '\nデータベースに直接取り込むには全体のオプション --database <url> を付ける',
    )
    .action(async (o: GenerateCommandOptions) => {
      const options = parseGenerateOptions(o);
      const database = globals().database;
      if (o.out === undefined && database === undefined) {
        throw new SouseiError('usage', 'generate.target-required');
      }
      const total = options.municipalities ?? 1788;
      if (o.out !== undefined) {
        const manifest = await writeGeneratedSet(
          o.out,
          generateNationalSet(options),
          options.seed,
          progress(total),
        );
        const count = manifest.municipalities.length;
        err(t('generate.written', { municipalities: count, plans: count, target: o.out }));
      }
      if (database !== undefined) {
        const started = performance.now();
        const done = await withContext(globals(), (ctx) =>
          importGeneratedSet(ctx, generateNationalSet(options), (d) =>
            progress(total)(d.imported + d.present),
          ),
        );
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        err(
          t('generate.imported', {
            municipalities: done.imported,
            projects: done.projects,
            target: database,
            seconds,
          }),
        );
        if (done.present > 0) err(t('generate.present', { count: done.present }));
      }
    });
}
