import type { Command } from 'commander';
import { resolveAndLoadPlan } from '../../app/resolve-plan.ts';
import { defaultYearOfStoredPlan } from '../../app/views/default-year.ts';
import { out } from '../cli-io.ts';
import { parseFiscalYearOption } from '../cli-options.ts';
import { renderOverview } from '../render-overview.ts';
import { type GlobalOptions, withContext } from '../with-context.ts';

interface ShowOptions {
  municipality?: string;
  plan?: string;
  fiscalYear?: string;
}

export function registerShow(program: Command, globals: () => GlobalOptions) {
  program
    .command('show')
    .description('計画の体系を、予算・決算・執行率と各階層の合計つきで表示する')
    .option('--municipality <code>', '全国地方公共団体コード')
    .option('--plan <title>', '計画名')
    .option('--fiscal-year <year>', '年度（既定: 入力受付中の年度、なければ締め切った最新の年度）')
    .action(async (o: ShowOptions) => {
      const text = await withContext(globals(), async (ctx) => {
        const { summary, plan } = await resolveAndLoadPlan(ctx, {
          municipalityCode: o.municipality,
          title: o.plan,
        });
        const fy =
          parseFiscalYearOption(o.fiscalYear) ??
          (await defaultYearOfStoredPlan(ctx, summary, plan, 'work'));
        return renderOverview(plan, fy);
      });
      out(text);
    });
}
