import type { Command } from 'commander';
import { type CopyDifference, copyInstallation } from '../../app/copy/copy-installation.ts';
import { SouseiError } from '../../core/errors.ts';
import { t } from '../../i18n/translate.ts';
import { err } from '../cli-io.ts';

export function registerCopy(program: Command) {
  program
    .command('copy')
    .description(
      'インストールを別のデータベースへ移す（SQLite ↔ PostgreSQL。コピー先は空のもの。移した後に書き出しを比べて検証する）',
    )
    .requiredOption('--from <url>', 'コピー元のデータベース（sqlite:PATH または postgres://…）')
    .requiredOption('--to <url>', 'コピー先の空のデータベース（sqlite:PATH または postgres://…）')
    .action(async (o: { from: string; to: string }) => {
      const outcome = await copyInstallation({ from: o.from, to: o.to });
      for (const { table, rows } of outcome.tables) err(t('copy.table', { table, rows }));
      err(t('copy.skipped', { tables: outcome.skipped.join(', ') }));
      const rows = outcome.tables.reduce((sum, c) => sum + c.rows, 0);
      err(
        t('copy.done', { from: outcome.from, to: outcome.to, tables: outcome.tables.length, rows }),
      );
      for (const d of outcome.differences) err(describeDifference(d));
      if (outcome.differences.length > 0) {
        throw new SouseiError('internal', 'copy.verify-failed', {
          count: outcome.differences.length,
        });
      }
      err(t('copy.verified', { plans: outcome.plans }));
    });
}

function describeDifference(d: CopyDifference): string {
  return d.kind === 'rows'
    ? t('copy.difference.rows', { table: d.table, source: d.source, target: d.target })
    : t('copy.difference.export', { municipality: d.municipality, plan: d.plan, file: d.file });
}
