import type { Command } from 'commander';
import { ensureSampleLoaded } from '../../app/load-sample.ts';
import { fiscalYearsWithFigures, resolveAndLoadPlan } from '../../app/resolve-plan.ts';
import { err, out } from '../cli-io.ts';
import { renderOverview } from '../render-overview.ts';
import { type GlobalOptions, withContext } from '../with-context.ts';

export function registerStart(program: Command, globals: () => GlobalOptions) {
  program
    .command('start')
    .description(
      '起動する: データベースを更新し、空なら見本（室蘭市 R2 進捗状況表）を取り込んで表示する',
    )
    .action(async () => {
      const text = await withContext(globals(), async (ctx) => {
        const loaded = await ensureSampleLoaded(ctx);
        if (loaded) err(`見本を取り込みました: ${ctx.store.describe}`);
        const { plan } = await resolveAndLoadPlan(ctx, {});
        return renderOverview(
          plan,
          fiscalYearsWithFigures(plan).at(-1) ?? plan.plan.firstFiscalYear,
        );
      });
      out(text);
    });
}
