import { join } from 'node:path';
import { openAppContext } from '../app/app-context.ts';
import { type CliSandbox, ROOT } from './cli-test-support.ts';

export const SAMPLE = join(ROOT, 'samples/muroran-r2-progress.tsv');
export const SAMPLE_TITLE = '第2期室蘭市まち・ひと・しごと創生総合戦略';

/** Tests' start: the sample imported through the CLI, then its R2 published as the web would. */
export async function importPublishedSample(cli: CliSandbox): Promise<number> {
  const imported = cli.run(['import', SAMPLE]);
  if (imported.code !== 0) throw new Error(`the sample did not import: ${imported.stderr}`);
  const ctx = await openAppContext(cli.databaseUrl);
  try {
    const planId = (await ctx.store.plans.findId('012050', SAMPLE_TITLE)) as number;
    await ctx.store.years.setUp({
      municipalityCode: '012050',
      planId,
      fiscalYear: 2020,
      status: 'published',
      at: ctx.now(),
    });
    return planId;
  } finally {
    await ctx.store.close();
  }
}
