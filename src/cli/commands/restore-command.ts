import type { Command } from 'commander';
import { restoreDatabase } from '../../app/backup/restore-database.ts';
import { t } from '../../i18n/translate.ts';
import { err } from '../cli-io.ts';
import type { GlobalOptions } from '../with-context.ts';

export function registerRestore(program: Command, globals: () => GlobalOptions) {
  program
    .command('restore')
    .description(
      'バックアップをデータベースに戻す（サーバーを止めてから。データのあるデータベースは --force のときだけ置き換える）',
    )
    .argument('<file>', '`sousei backup` で書き出したファイル')
    .option('--force', 'データのあるデータベースを置き換える')
    .action(async (file: string, o: { force?: boolean }) => {
      const done = await restoreDatabase({
        databaseUrl: globals().database ?? process.env.DATABASE_URL,
        file,
        force: o.force,
      });
      err(t('restore.done', { path: done.file, target: done.target }));
    });
}
