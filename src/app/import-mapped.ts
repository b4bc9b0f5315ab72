import type { Finding } from '../core/finding.ts';
import type { PlanChange } from '../core/plan-diff.ts';
import type { MappedResult } from '../formats/mapping/read-mapped-rows.ts';
import type { AppContext } from './app-context.ts';
import { importFile } from './import/import-file.ts';
import type { ImportOptions } from './import/import-input.ts';
import type { ImportSource } from './import/import-source.ts';

export { parseMapping } from './import/read-mapped-file.ts';

export type MappedImportInput = Omit<ImportOptions, 'mapping' | 'format'> &
  ImportSource & { mapping: unknown };

export interface MappedImportOutcome {
  written: boolean;
  summary: MappedResult['summary'] | null;
  findings: Finding[];
  changes: PlanChange[];
}

/**
 * Any city's workbook or CSV through a column mapping: the one import path (importFile), so the
 * closed-year rule and everything else hold as for a plain import.
 */
export async function importMapped(
  ctx: AppContext,
  input: MappedImportInput,
): Promise<MappedImportOutcome> {
  const outcome = await importFile(ctx, input);
  return {
    written: outcome.written,
    summary: outcome.summary,
    findings: outcome.findings,
    changes: outcome.changes,
  };
}
