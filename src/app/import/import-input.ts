import type { Finding } from '../../core/finding.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Conventions, Plan } from '../../core/plan.ts';
import type { PlanChange } from '../../core/plan-diff.ts';
import type { MappingSummary } from '../../formats/mapping/read-mapped-rows.ts';
import type { ImportedRecords } from '../../store/plans/save-imported-records.ts';
import type { ImportSource } from './import-source.ts';

export type ImportFormat = 'tsv' | 'json' | 'xlsx' | 'csv';

/**
 * One import, whatever the file: a progress table (TSV, xlsx), a JSON document, or mapped. The
 * file is given by `path` (read from disk in chunks) or as `bytes` (ImportSource).
 */
export type ImportInput = ImportOptions & ImportSource;

/** Everything of an import but its file. */
export interface ImportOptions {
  /** The name shown in findings (never opened: the file is the source). */
  fileName: string;
  format?: ImportFormat;
  /** A column mapping (docs/mapping.md): the file is any city's workbook or CSV. */
  mapping?: unknown;
  municipalityCode?: string;
  municipalityName?: string;
  title?: string;
  kind?: string;
  fiscalYear?: FiscalYear;
  conventions?: Partial<Conventions>;
  dryRun?: boolean;
  /** Rows read of the total, while a large workbook streams (mapped imports). */
  onProgress?: (read: number, total: number) => void;
}

/** What a reader made of the file, before anything is written. */
export interface ReadImport {
  format: string;
  plan: Plan | null;
  /** The years whose figures the file carries (written; other years are kept). */
  fiscalYears: FiscalYear[];
  findings: Finding[];
  /** Mapped imports: counts of what maps to what, and the KPIs and evaluations read. */
  summary: MappingSummary | null;
  records?: ImportedRecords;
}

export interface ImportOutcome {
  /** True when the plan was written (never on a dry run or with errors). */
  written: boolean;
  plan: Plan | null;
  fiscalYears: FiscalYear[];
  /** Problems reading the file, closed years included; any error means nothing was written. */
  findings: Finding[];
  /** Content checks of the imported years (totals, settlements, results): reported, not blocking. */
  checks: Finding[];
  changes: PlanChange[];
  summary: MappingSummary | null;
  /** Mapped imports: the KPIs and evaluations read (what a preview shows per project). */
  records?: ImportedRecords;
}
