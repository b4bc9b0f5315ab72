import type { Command } from 'commander';
import { out } from '../cli-io.ts';
import { type GlobalOptions, withContext } from '../with-context.ts';

export function registerMigrate(program: Command, globals: () => GlobalOptions) {
  program
    .command('migrate')
    .description('データベースを最新の構造に更新する（起動時にも自動で行う）')
    .action(async () => {
      const where = await withContext(globals(), async (ctx) => ctx.store.describe);
      out(`データベースは最新です: ${where}`);
    });
}
