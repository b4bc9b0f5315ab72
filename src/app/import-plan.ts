import type { AppContext } from './app-context.ts';
import { importFile } from './import/import-file.ts';
import type { ImportOptions, ImportOutcome } from './import/import-input.ts';
import type { ImportSource } from './import/import-source.ts';

export { importFile } from './import/import-file.ts';
export type { ImportFormat, ImportInput, ImportOutcome } from './import/import-input.ts';
export { detectFormat } from './import/read-plan-file.ts';

/** A plan file (progress table, the xlsx this app writes, JSON): the one import path. */
export function importPlan(
  ctx: AppContext,
  input: Omit<ImportOptions, 'mapping'> & ImportSource,
): Promise<ImportOutcome> {
  return importFile(ctx, input);
}
