import type { Command } from 'commander';
import { readConfig } from '../../server/config.ts';
import { startServer } from '../../server/serve.ts';
import { out } from '../cli-io.ts';
import type { GlobalOptions } from '../with-context.ts';

export function registerServe(program: Command, globals: () => GlobalOptions) {
  program
    .command('serve')
    .description(
      'Web アプリを起動する（設定は環境変数: PORT、HOST、DATABASE_URL、SOUSEI_MODE など）',
    )
    .option(
      '--demo',
      'デモ: 見本の計画とデモ用アカウントを用意する（パスワードは起動のたびに生成）',
    )
    .action(async (o: { demo?: boolean }) => {
      const env = { ...process.env };
      if (o.demo) env.SOUSEI_MODE = 'demo';
      if (globals().database) env.DATABASE_URL = globals().database;
      const config = readConfig(env);
      const running = await startServer(config);
      out(`創生 Sousei: ${running.url} （${config.mode === 'demo' ? 'デモ' : '本番'}モード）`);
      if (running.demoAccounts.length > 0) {
        out('デモ用アカウント（パスワードは今回の起動のみ有効。再起動で変わります）:');
        for (const a of running.demoAccounts)
          out(`  ${a.role.padEnd(9)} ${a.email}  ${a.password}  ${a.name}`);
      }
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
