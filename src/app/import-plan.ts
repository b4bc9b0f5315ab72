import type { AppContext } from './app-context.ts';
import { importFile } from './import/import-file.ts';
import type { ImportInput, ImportOutcome } from './import/import-input.ts';

export { importFile } from './import/import-file.ts';
export type { ImportFormat, ImportInput, ImportOutcome } from './import/import-input.ts';
export { detectFormat } from './import/read-plan-file.ts';

/** A plan file (progress table, the xlsx this app writes, JSON): the one import path. */
export function importPlan(
  ctx: AppContext,
  input: Omit<ImportInput, 'mapping'>,
): Promise<ImportOutcome> {
  return importFile(ctx, input);
}
