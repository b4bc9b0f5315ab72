import type { Finding } from '../../core/finding.ts';
import { MURORAN_CONVENTIONS, type Municipality, type Plan } from '../../core/plan.ts';
import type { GridRow } from '../tsv/tsv-grid.ts';
import { columnFindings } from './mapped-columns.ts';
import type { MappedEvaluation, MappedKpi, MappedResult } from './mapped-result.ts';
import { type MappedRow, mappedRow } from './mapped-row.ts';
import type { Mapping } from './mapping-schema.ts';
import { closingFindings, emptySummary, roundingFinding } from './mapping-summary.ts';
import { type RoundingTally, readFinances } from './read-amount.ts';
import { readEvaluation } from './read-evaluation.ts';
import { readFinanceDetails } from './read-finance-details.ts';
import { SheetHeader } from './read-headers.ts';
import { readIndicators } from './read-indicators.ts';
import { readProject, readProjectKey } from './read-project.ts';
import { readTags } from './read-tags.ts';
import { readTexts } from './read-texts.ts';
import { type ColumnResolver, cachedResolver } from './resolve-column.ts';
import { TreeBuilder } from './tree-builder.ts';

export type {
  MappedEvaluation,
  MappedKpi,
  MappedResult,
  MappingSummary,
} from './mapped-result.ts';

/**
 * Reads mapped rows into a plan, its KPIs and evaluations, reporting every cell that cannot be
 * read (sheet, cell address, value, why) — all of them, not the first. Nothing is written here.
 */
export async function readMappedRows(
  rows: AsyncIterable<GridRow & { sheet?: string }> | Iterable<GridRow & { sheet?: string }>,
  mapping: Mapping,
  context: { file?: string; municipality: Municipality; title: string },
): Promise<MappedResult> {
  const findings: Finding[] = [];
  const header = new SheetHeader();
  let sheet: string | undefined;
  let resolve: ColumnResolver | null = null;
  let unmatched = false;
  const lastHeader = Math.max(...mapping.headerRows);
  const tree = new TreeBuilder(mapping.columns.levels, findings);
  const seen = new Map<string, number>();
  const kpis: MappedKpi[] = [];
  const evaluations: MappedEvaluation[] = [];
  const summary = emptySummary(mapping);
  const rounded: RoundingTally = { cells: 0 };

  for await (const row of rows) {
    sheet = row.sheet ?? sheet;
    if (mapping.headerRows.includes(row.line)) header.add(row.cells, row.line !== lastHeader);
    if (row.line === lastHeader) {
      resolve = cachedResolver(header);
      const problems = columnFindings(mapping, header, {
        file: context.file,
        sheet,
        line: row.line,
      });
      findings.push(...problems);
      unmatched = problems.length > 0;
    }
    if (row.line < mapping.dataStartRow || !resolve) continue;
    // A mapping entry that matches no column would misread every row: stop at the header.
    if (unmatched) break;
    if (row.cells.every((c) => c.trim() === '')) continue;
    const mapped = mappedRow(row, {
      file: context.file,
      sheet,
      header,
      resolve,
      mapping,
      findings,
    });
    if (mapping.requiredColumn && mapped.text(mapping.requiredColumn) === '') {
      summary.skippedRows++;
      continue;
    }
    summary.rows++;
    readRow(mapped);
  }

  /** One data row: its project under its node, then what else the row carries. */
  function readRow(row: MappedRow): void {
    const key = readProjectKey(row, mapping, seen, findings);
    const parent = tree.place(row);
    const finances = readFinances(row, mapping, rounded);
    summary.financeDetails += readFinanceDetails(row, mapping, finances, rounded);
    summary.financeYears += finances.length;
    const project = readProject(row, mapping, key, finances);
    parent?.projects.push(project);
    summary.projects++;
    const tags = readTags(row, mapping);
    // A mapping with tag columns says each project's tags, none included; without, keep them.
    if (mapping.tags.length > 0) project.tags = tags;
    summary.tags += tags.length;
    const texts = readTexts(row, mapping);
    project.activities.push(...texts);
    summary.texts += texts.length;
    // Row readers plug in here: one file per concept (read-<concept>.ts) taking the row, the
    // mapping and the project (or its number), recording unreadable cells with row.problem;
    // call it below, count what it read in the summary (mapping-summary.ts), and list its
    // column references in mapped-columns.ts so a reference matching nothing is an error.
    const rowKpis = readIndicators(row, mapping, key.no);
    kpis.push(...rowKpis);
    summary.indicators += rowKpis.length;
    summary.actuals += rowKpis.reduce((n, k) => n + k.actuals.length, 0);
    const evaluation = readEvaluation(row, mapping, key.no);
    if (evaluation) {
      evaluations.push(evaluation);
      summary.evaluations++;
    }
  }

  const location = { file: context.file, sheet, line: lastHeader };
  const nodes = tree.finish(location);
  summary.nodes = [...tree.counts];
  findings.push(...roundingFinding(rounded.cells, mapping, location));
  findings.push(...closingFindings(summary, resolve !== null, findings, location));
  const plan: Plan = {
    municipality: context.municipality,
    plan: {
      title: context.title,
      kind: mapping.plan.kind,
      firstFiscalYear: mapping.plan.firstFiscalYear,
      lastFiscalYear: mapping.plan.lastFiscalYear,
      levels: mapping.plan.levels,
    },
    amountUnit: mapping.amountUnit,
    conventions: MURORAN_CONVENTIONS,
    nodes,
    statedTotals: [],
  };
  const ok = !findings.some((f) => f.severity === 'error');
  return { plan: ok ? plan : null, kpis, evaluations, summary, findings };
}
