import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppContext } from './app-context.ts';
import { type ImportOutcome, importPlan } from './import-plan.ts';
import { readImportSettings, settingsPathFor } from './read-import-settings.ts';

/** Muroran City's FY R2 progress table, shipped with the product as its sample. */
export const SAMPLE_FILE = fileURLToPath(
  new URL('../../samples/muroran-r2-progress.tsv', import.meta.url),
);

/** Loads the sample when the store holds no plan yet (first start); otherwise does nothing. */
export async function ensureSampleLoaded(ctx: AppContext): Promise<ImportOutcome | null> {
  if (await ctx.store.plans.hasAny()) return null;
  const settings = readImportSettings(settingsPathFor(SAMPLE_FILE), true);
  return importPlan(ctx, {
    bytes: readFileSync(SAMPLE_FILE),
    fileName: 'samples/muroran-r2-progress.tsv',
    municipalityCode: settings.municipality?.code,
    municipalityName: settings.municipality?.name,
    title: settings.plan?.title,
    kind: settings.plan?.kind,
    conventions: settings.conventions,
  });
}
