import type { FiscalYear } from '../core/fiscal-year.ts';
import { toPlanDocument } from '../formats/json/plan-document.ts';
import { writeProgressTable } from '../formats/tsv/progress-table-writer.ts';
import { formatTsv } from '../formats/tsv/tsv-grid.ts';
import type { AppContext } from './app-context.ts';
import { fiscalYearsWithFigures, type PlanSelector, resolveAndLoadPlan } from './resolve-plan.ts';

export type ExportFormat = 'json' | 'tsv';

export interface ExportInput extends PlanSelector {
  format: ExportFormat;
  /** For TSV: the years whose 予算/決算 columns to write; default every year with figures. */
  fiscalYears?: FiscalYear[];
}

export async function exportPlan(ctx: AppContext, input: ExportInput): Promise<string> {
  const { plan } = await resolveAndLoadPlan(ctx, input);
  if (input.format === 'json') return `${JSON.stringify(toPlanDocument(plan), null, 2)}\n`;
  const years = input.fiscalYears?.length ? input.fiscalYears : fiscalYearsWithFigures(plan);
  return formatTsv(writeProgressTable(plan, years));
}
