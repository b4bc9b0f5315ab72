import { SouseiError } from '../core/errors.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import type { OpenDataTable } from '../formats/csv/open-data-csv.ts';
import { toPlanDocument } from '../formats/json/plan-document.ts';
import { writeProgressTable } from '../formats/tsv/progress-table-writer.ts';
import { formatTsv } from '../formats/tsv/tsv-grid.ts';
import {
  type WorkbookLayout,
  writeProgressWorkbook,
} from '../formats/xlsx/progress-workbook-writer.ts';
import type { AppContext } from './app-context.ts';
import { exportOpenData } from './export-open-data.ts';
import { fiscalYearsWithFigures, type PlanSelector, resolveAndLoadPlan } from './resolve-plan.ts';

export type ExportFormat = 'json' | 'tsv' | 'xlsx' | 'csv';

export interface ExportInput extends PlanSelector {
  format: ExportFormat;
  /** For TSV, xlsx and CSV: the years to include; default every year with figures. */
  fiscalYears?: FiscalYear[];
  /** xlsx: one sheet per year (default) or one cumulative sheet. */
  layout?: WorkbookLayout;
  /** CSV: which open-data table (default projects). */
  table?: OpenDataTable;
  /** CSV: a UTF-8 BOM so Excel opens it. */
  bom?: boolean;
}

export interface ExportedFile {
  body: string | Uint8Array;
  mediaType: string;
  extension: string;
}

/** A plan in any export format, for the CLI (operators: every year) and the web. */
export async function exportPlanFile(ctx: AppContext, input: ExportInput): Promise<ExportedFile> {
  const { summary, plan } = await resolveAndLoadPlan(ctx, input);
  const years = input.fiscalYears?.length ? input.fiscalYears : fiscalYearsWithFigures(plan);
  switch (input.format) {
    case 'json':
      return {
        body: `${JSON.stringify(toPlanDocument(plan), null, 2)}\n`,
        mediaType: 'application/json; charset=utf-8',
        extension: 'json',
      };
    case 'tsv':
      return {
        body: formatTsv(writeProgressTable(plan, years)),
        mediaType: 'text/tab-separated-values; charset=utf-8',
        extension: 'tsv',
      };
    case 'xlsx':
      return {
        body: await writeProgressWorkbook(plan, years, input.layout ?? 'per-year'),
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
      };
    case 'csv':
      return {
        body: await exportOpenData(ctx, {
          code: summary.municipalityCode,
          planId: summary.id,
          plan,
          table: input.table ?? 'projects',
          years,
          bom: input.bom ?? false,
        }),
        mediaType: 'text/csv; charset=utf-8',
        extension: 'csv',
      };
  }
}

/** A text export (JSON or TSV). */
export async function exportPlan(ctx: AppContext, input: ExportInput): Promise<string> {
  const file = await exportPlanFile(ctx, input);
  if (typeof file.body !== 'string') throw new SouseiError('usage', 'usage.binary-needs-out');
  return file.body;
}
