import { Command } from 'commander';
import { reportError } from './cli-io.ts';
import type { GlobalOptions } from './with-context.ts';

type Register = (program: Command, globals: () => GlobalOptions) => void;

/**
 * Every command: its name, the one-line summary the top-level help lists, and its module,
 * loaded only when that command runs (or its own help is asked). Loading every module made
 * `sousei --help` and `sousei import` load the web server, Chromium's driver and echarts too:
 * seconds of start-up under load (issue 10). cli-commands.test.ts checks each summary against
 * the description the module registers, so the two cannot drift.
 */
export const COMMANDS: readonly (readonly [string, string, () => Promise<Register>])[] = [
  [
    'serve',
    'Web アプリを起動する（設定は環境変数: PORT、HOST、DATABASE_URL、SOUSEI_MODE など）',
    () => import('./commands/serve-command.ts').then((m) => m.registerServe),
  ],
  [
    'user',
    '利用者（アカウント）の管理',
    () => import('./commands/user-command.ts').then((m) => m.registerUser),
  ],
  [
    'token',
    'API トークンの管理',
    () => import('./commands/token-command.ts').then((m) => m.registerToken),
  ],
  [
    'import',
    '進捗状況表（TSV・Excel）または計画の JSON を取り込む。問題があれば一件も書き込まない',
    () => import('./commands/import-command.ts').then((m) => m.registerImport),
  ],
  [
    'kpi',
    'KPI（数値目標・KPI・事業KPI）',
    () => import('./commands/kpi-command.ts').then((m) => m.registerKpi),
  ],
  [
    'mapping',
    '列の対応表（docs/mapping.md）を作る手助け',
    () => import('./commands/mapping-command.ts').then((m) => m.registerMapping),
  ],
  [
    'export',
    '計画を書き出す: JSON（オープンデータ形式）、進捗状況表（TSV・Excel）、オープンデータ CSV',
    () => import('./commands/export-command.ts').then((m) => m.registerExport),
  ],
  [
    'show',
    '計画の体系を、予算・決算・執行率と各階層の合計つきで表示する',
    () => import('./commands/show-command.ts').then((m) => m.registerShow),
  ],
  [
    'check',
    '公表前の検査: 合計の不一致、予算超過の決算、決算なし・0、結果の記載なし など',
    () => import('./commands/check-command.ts').then((m) => m.registerCheck),
  ],
  [
    'report',
    '進捗状況表を PDF（A3 横、見出し行の繰り返し、ページ番号）で書き出す',
    () => import('./commands/report-command.ts').then((m) => m.registerReport),
  ],
  [
    'figures',
    '標準入力の一行一文から数値（件数・人数・金額など）を読み取り、一行ごとに JSON で出力する',
    () => import('./commands/figures-command.ts').then((m) => m.registerFigures),
  ],
  [
    'analysis',
    '効果検証の文案（計画全体・基本目標・具体的な施策ごと）をデータから作る',
    () => import('./commands/analysis-command.ts').then((m) => m.registerAnalysis),
  ],
  [
    'generate',
    '全国の見本データ（1,788 団体 × 5 年度 × 50 事業、KPI と公表年度つき）を乱数の種から決定的に作る',
    () => import('./commands/generate-command.ts').then((m) => m.registerGenerate),
  ],
  [
    'migrate',
    'データベースを最新の構造に更新する（起動時にも自動で行う）',
    () => import('./commands/migrate-command.ts').then((m) => m.registerMigrate),
  ],
  [
    'backup',
    'データベースのバックアップを書き出す（サーバーを止めずに一貫した時点のもの。PostgreSQL は pg_dump を使う）',
    () => import('./commands/backup-command.ts').then((m) => m.registerBackup),
  ],
  [
    'restore',
    'バックアップをデータベースに戻す（サーバーを止めてから。データのあるデータベースは --force のときだけ置き換える）',
    () => import('./commands/restore-command.ts').then((m) => m.registerRestore),
  ],
  [
    'copy',
    'インストールを別のデータベースへ移す（SQLite ↔ PostgreSQL。コピー先は空のもの。移した後に書き出しを比べて検証する）',
    () => import('./commands/copy-command.ts').then((m) => m.registerCopy),
  ],
];

/** The command a command line names (`help import` names import), skipping the global options. */
export function commandNamed(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--database') i++;
    else if (arg === 'help') continue;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

function program(): Command {
  return new Command('sousei')
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
}

/**
 * The program with the named command's module loaded; without one (or an unknown name), every
 * command is listed by its summary for the help, and commander reports an unknown name.
 */
export async function buildProgram(args: readonly string[]): Promise<Command> {
  const root = program();
  const globals = () => root.opts<GlobalOptions>();
  const name = commandNamed(args);
  const named = COMMANDS.find(([n]) => n === name);
  if (named) (await named[2]())(root, globals);
  else for (const [n, summary] of COMMANDS) root.command(n).description(summary);
  return root;
}

/** Runs the command line (bin/sousei.js calls this with process.argv). */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    await (await buildProgram(argv.slice(2))).parseAsync([...argv]);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}
