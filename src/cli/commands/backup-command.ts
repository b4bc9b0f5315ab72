import type { Command } from 'commander';
import { backupDatabase } from '../../app/backup/backup-database.ts';
import { t } from '../../i18n/translate.ts';
import { err } from '../cli-io.ts';
import type { GlobalOptions } from '../with-context.ts';

export function registerBackup(program: Command, globals: () => GlobalOptions) {
  program
    .command('backup')
    .description(
      'データベースのバックアップを書き出す（サーバーを止めずに一貫した時点のもの。PostgreSQL は pg_dump を使う）',
    )
    .argument('<file>', '書き出すファイル')
    .option('--force', '既にあるファイルを上書きする')
    .action(async (file: string, o: { force?: boolean }) => {
      const done = await backupDatabase({
        databaseUrl: globals().database ?? process.env.DATABASE_URL,
        file,
        force: o.force,
      });
      err(t('backup.done', { path: done.file, target: done.target }));
    });
}
