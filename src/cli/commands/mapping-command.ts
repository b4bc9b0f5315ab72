import { basename } from 'node:path';
import type { Command } from 'commander';
import { EXIT_OK } from '../../app/error-status.ts';
import { suggestMappingForFile } from '../../app/mapping/suggest-mapping-for-file.ts';
import { SouseiError } from '../../core/errors.ts';
import { t } from '../../i18n/translate.ts';
import { err, isReadableFile, out } from '../cli-io.ts';

/** `sousei mapping suggest FILE`: a proposed column mapping on stdout, its questions on stderr. */
export function registerMapping(program: Command) {
  const mapping = program
    .command('mapping')
    .description('列の対応表（docs/mapping.md）を作る手助け');
  mapping
    .command('suggest')
    .description(
      '見出しと最初の行から対応表（JSON）を提案して標準出力に書く。確かめることは標準エラーに',
    )
    .argument('<file>', 'Excel（.xlsx）または CSV')
    .option('--sheet <name>', 'シート名、または1から数えた順番（既定: 表のあるシートを探す）')
    .action(async (file: string, o: { sheet?: string }) => {
      if (!isReadableFile(file)) throw new SouseiError('usage', 'file.not-found', { path: file });
      // Read from its path, a stream: a large workbook is never held whole.
      const s = await suggestMappingForFile({
        path: file,
        fileName: basename(file),
        sheet: o.sheet,
      });
      if (!s.mapping) {
        for (const q of s.questions) err(t(q.code, q.params));
        throw new SouseiError('invalid-input', 'suggest.no-table');
      }
      out(JSON.stringify(s.mapping, null, 2));
      err(t('suggest.done', { count: s.questions.length }));
      for (const q of s.questions) err(`- ${t(q.code, q.params)}`);
      if (s.unused.length > 0) err(`- ${t('suggest.unused', { columns: s.unused.join('、') })}`);
      process.exitCode = EXIT_OK;
    });
}
