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
import { analysisSheetRows } from './analysis/analysis-sheet-rows.ts';
import type { AppContext } from './app-context.ts';
import { exportOpenData } from './export-open-data.ts';
import { planWithMetrics } from './metrics/plan-with-metrics.ts';
import { operatorOf } from './operator.ts';
import { fiscalYearsWithFigures, type PlanSelector, resolvePlan } from './resolve-plan.ts';
import { loadPlanView, type PlanView } from './views/plan-view.ts';

/** The open-data CSV tables a reader can ask for (docs/open-data-csv.md). */
export type { OpenDataTable };

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
  /** xlsx: a 「効果検証」 sheet with the committee's analysis of the years. */
  analysis?: boolean;
}

export interface ExportedFile {
  body: string | Uint8Array;
  mediaType: string;
  extension: string;
}

/** What to export of a plan the reader may see. */
export type ExportRequest = Omit<ExportInput, keyof PlanSelector>;

/**
 * A plan in any export format, as this reader may see it (the one export use case: web
 * downloads, the API and the CLI). The years are those the reader may read that have figures,
 * or the ones asked for, which must be readable; KPI actuals of other years stay out.
 */
export async function exportPlanView(
  ctx: AppContext,
  view: PlanView,
  input: ExportRequest,
): Promise<ExportedFile> {
  const readable = new Set(view.readableYears);
  const withFigures = fiscalYearsWithFigures(view.plan).filter((fy) => readable.has(fy));
  const asked = input.fiscalYears ?? [];
  if (asked.some((fy) => !readable.has(fy))) {
    throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  }
  const years = asked.length > 0 ? asked : withFigures;
  const plan = view.plan;
  switch (input.format) {
    case 'json':
      return {
        body: `${JSON.stringify(toPlanDocument(await planWithMetrics(ctx, view)), null, 2)}\n`,
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
      if (years.length === 0) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
      return {
        body: await writeProgressWorkbook(
          plan,
          years,
          input.layout ?? 'per-year',
          input.analysis ? await analysisSheetRows(ctx, view, years) : [],
        ),
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
      };
    case 'csv':
      return {
        body: await exportOpenData(ctx, {
          code: view.summary.municipalityCode,
          planId: view.summary.id,
          plan:
            input.table === 'figures' || input.table === 'entries'
              ? await planWithMetrics(ctx, view)
              : plan,
          table: input.table ?? 'projects',
          years,
          readable,
          bom: input.bom ?? false,
        }),
        mediaType: 'text/csv; charset=utf-8',
        extension: 'csv',
      };
  }
}

/** A plan in any export format for the CLI: the operator reads every year. */
export async function exportPlanFile(ctx: AppContext, input: ExportInput): Promise<ExportedFile> {
  const summary = await resolvePlan(ctx, input);
  const view = await loadPlanView(
    ctx,
    operatorOf(summary.municipalityCode),
    summary.municipalityCode,
    summary.id,
  );
  return exportPlanView(ctx, view, input);
}

/** A text export (JSON or TSV). */
export async function exportPlan(ctx: AppContext, input: ExportInput): Promise<string> {
  const file = await exportPlanFile(ctx, input);
  if (typeof file.body !== 'string') throw new SouseiError('usage', 'usage.binary-needs-out');
  return file.body;
}
