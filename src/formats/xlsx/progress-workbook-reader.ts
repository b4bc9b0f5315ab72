import type { Finding } from '../../core/finding.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { findingsOfLimit } from '../../core/input-limits.ts';
import { allProjects, type Plan } from '../../core/plan.ts';
import type { BytesOrSource } from '../byte-source.ts';
import {
  isMetadataSheet,
  type ProgressTableMetadata,
  readMetadata,
} from '../tsv/progress-table-metadata.ts';
import {
  type ProgressTableOptions,
  type ProgressTableResult,
  readProgressTable,
} from '../tsv/progress-table-reader.ts';
import { isBreakdownSheet, readBreakdownSheets } from './breakdown-sheets.ts';
import { columnLetters, readWorkbookGrids } from './workbook-grid.ts';

/** Options decided once the workbook's metadata (or its absence) is known. */
export type OptionsOfMetadata = (
  metadata: ProgressTableMetadata | null,
) => Promise<ProgressTableOptions>;

/**
 * Reads a workbook in the progress report's layout (ours, or a city's own of the same shape):
 * every sheet that has the table. Sheets of different years (one per year) are merged into one
 * plan: the tree and activities of the last sheet, each sheet's 予算/決算. Findings name the
 * sheet and the cell (D12).
 */
export async function readProgressWorkbook(
  input: BytesOrSource,
  given: ProgressTableOptions | OptionsOfMetadata,
  file?: string,
): Promise<ProgressTableResult> {
  const name = file ?? (typeof given === 'function' ? undefined : given.file);
  let grids: Awaited<ReturnType<typeof readWorkbookGrids>>;
  try {
    grids = await readWorkbookGrids(input, name);
  } catch (e) {
    const limit = findingsOfLimit(e);
    if (limit) return { plan: null, fiscalYears: [], findings: [...limit] };
    return {
      plan: null,
      fiscalYears: [],
      findings: [
        {
          severity: 'error',
          code: 'xlsx.unreadable',
          location: { file: name },
          expected: 'xlsx',
        },
      ],
    };
  }
  // Our export says what it is on a sheet of its own: the options default to it.
  const info = grids.find((g) => isMetadataSheet(g.rows));
  const read = info ? readMetadata(info.rows, name) : { metadata: null, findings: [] };
  const findings: Finding[] = read.findings.map((f) => ({
    ...f,
    location: { ...f.location, sheet: info?.name },
  }));
  const options = {
    ...(typeof given === 'function' ? await given(read.metadata) : given),
    metadata: read.metadata,
  };
  const plans: Plan[] = [];
  const years = new Set<FiscalYear>();
  for (const grid of grids) {
    // Our tags and breakdown sheets are read once the plan is, below; the metadata sheet first.
    if (grid === info || isBreakdownSheet(grid)) continue;
    const result = readProgressTable(grid.rows, options);
    // A sheet without the table (a cover, notes) is skipped, unless no sheet has one.
    if (result.findings.some((f) => f.code === 'table.header-not-found')) continue;
    for (const f of result.findings) {
      const l = f.location ?? {};
      findings.push({
        ...f,
        location: {
          ...l,
          sheet: grid.name,
          cell:
            l.line !== undefined && l.column !== undefined
              ? `${columnLetters(l.column)}${l.line}`
              : undefined,
        },
      });
    }
    if (result.plan) plans.push(result.plan);
    for (const fy of result.fiscalYears) years.add(fy);
  }
  if (plans.length === 0 && findings.length === 0) {
    findings.push({
      severity: 'error',
      code: 'table.header-not-found',
      location: { file: name },
      expected: 'header-row',
    });
  }
  const last = plans.at(-1);
  if (!last || findings.some((f) => f.severity === 'error')) {
    return { plan: null, fiscalYears: [...years].sort(), findings };
  }
  const byNo = new Map(allProjects(last).map((p) => [p.no, p]));
  for (const other of plans.slice(0, -1)) {
    for (const p of allProjects(other)) {
      const target = byNo.get(p.no);
      if (!target) continue;
      for (const f of p.finances) {
        if (!target.finances.some((x) => x.fiscalYear === f.fiscalYear)) target.finances.push(f);
      }
      target.finances.sort((a, b) => a.fiscalYear - b.fiscalYear);
    }
    for (const t of other.statedTotals) {
      if (!last.statedTotals.some((x) => x.fiscalYear === t.fiscalYear)) last.statedTotals.push(t);
    }
  }
  last.statedTotals.sort((a, b) => a.fiscalYear - b.fiscalYear);
  const extras = readBreakdownSheets(grids, last, options.file);
  if (extras.length > 0) return { plan: null, fiscalYears: [...years].sort(), findings: extras };
  return { plan: last, fiscalYears: [...years].sort((a, b) => a - b), findings };
}
