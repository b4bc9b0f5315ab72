import { Command } from 'commander';
import { reportError } from './cli-io.ts';
import { registerBackup } from './commands/backup-command.ts';
import { registerCheck } from './commands/check-command.ts';
import { registerExport } from './commands/export-command.ts';
import { registerImport } from './commands/import-command.ts';
import { registerKpi } from './commands/kpi-command.ts';
import { registerMapping } from './commands/mapping-command.ts';
import { registerMigrate } from './commands/migrate-command.ts';
import { registerReport } from './commands/report-command.ts';
import { registerRestore } from './commands/restore-command.ts';
import { registerServe } from './commands/serve-command.ts';
import { registerShow } from './commands/show-command.ts';
import { registerToken } from './commands/token-command.ts';
import { registerUser } from './commands/user-command.ts';

const program = new Command('sousei')
  .description('創生 Sousei: 地方版総合戦略の進捗管理（取り込み・検査・表示・書き出し）')
  .option(
    '--database <url>',
    'データベース（既定: 環境変数 DATABASE_URL、なければ sqlite:./data/sousei.db）',
  )
  .showHelpAfterError()
  .addHelpText(
    'after',
    '\n終了コード: 0 正常 / 1 検査で問題あり（--strict）・使い方の誤り / 2 入力の誤り / 3 見つからない / 4 競合 / 5 権限なし / 6 データベースに接続できない / 10 内部エラー',
  );
const globals = () => program.opts<{ database?: string }>();
registerServe(program, globals);
registerUser(program, globals);
registerToken(program, globals);
registerImport(program, globals);
registerKpi(program, globals);
registerMapping(program);
registerExport(program, globals);
registerShow(program, globals);
registerCheck(program, globals);
registerReport(program, globals);
registerMigrate(program, globals);
registerBackup(program, globals);
registerRestore(program, globals);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}
