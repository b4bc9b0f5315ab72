/**
 * A finding: something a reader, a check or a use case wants a person to know, with where it is,
 * what was expected and what was found. Batch work returns findings instead of throwing at the
 * first problem, so an import reports every bad row at once (Kysely's migrateToLatest()).
 * The text a person reads comes from the message catalogue (src/i18n), keyed by `code`.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Location {
  file?: string;
  /** 1-based line of a text file, or row of a sheet. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** The column's name in the table's header (予算, 決算, 事業名, …). */
  columnName?: string;
  /** A spreadsheet cell address (D12). */
  cell?: string;
  sheet?: string;
  /** A path inside a structured document (`goals.0.directions.1.title`). */
  path?: string;
  projectNo?: string;
  fiscalYear?: number;
}

export interface Finding {
  severity: Severity;
  /** Stable, dotted code (`amount.invalid`); the catalogue turns it into words. */
  code: string;
  location?: Location;
  /** Catalogue key under `expected.` naming what was expected (`amount` → 金額（千円）). */
  expected?: string;
  /** What was found, as data (a cell's text), shown quoted. */
  found?: string;
  params?: Record<string, string | number | null>;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
