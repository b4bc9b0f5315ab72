import { SouseiError } from './errors.ts';
import type { Finding, Location } from './finding.ts';

/**
 * The bounds of the work an imported file may cause, in one place (README "Limits"). Each is far
 * above any real plan (Muroran's table has 33 rows × 6 columns; a large city's workbook a few
 * thousand rows × a few hundred columns) and low enough that a hostile file is refused in
 * seconds and a few hundred MB at most.
 */
export const INPUT_LIMITS = {
  /** Rows of a table (TSV, CSV, a sheet), projects of a JSON document. */
  rows: 100_000,
  /** Cells of one row. */
  columns: 2_000,
  /** Cells of a whole table. */
  cells: 2_000_000,
  /** Findings reported; the rest are counted in one `findings.truncated`. */
  findings: 200,
  /** Levels of a plan's tree (a strategy has 4); keeps every walk of the tree shallow. */
  treeDepth: 32,
  /** Bytes a workbook read row by row (mapped imports) may inflate to, counted as it inflates. */
  xlsxInflatedBytes: 200 * 1024 * 1024,
  /**
   * Bytes a workbook loaded whole (the progress table's and the KPI workbook) may inflate to:
   * exceljs holds every cell as an object, ~50× its XML, so this bound is lower.
   */
  xlsxLoadedBytes: 20 * 1024 * 1024,
  /** Files inside a workbook's zip archive. */
  xlsxEntries: 10_000,
  /**
   * Bytes of a text file (TSV, CSV, JSON): these are parsed whole, so a file is refused on its
   * size (stat) before it is read. Far above a real table (a large city's: a few MB).
   */
  textBytes: 64 * 1024 * 1024,
} as const;

export type InputLimit =
  | 'rows'
  | 'columns'
  | 'cells'
  | 'tree-depth'
  | 'xlsx-size'
  | 'xlsx-loaded-size'
  | 'xlsx-entries'
  | 'text-size';

const LIMIT_VALUE: Record<InputLimit, number> = {
  rows: INPUT_LIMITS.rows,
  columns: INPUT_LIMITS.columns,
  cells: INPUT_LIMITS.cells,
  'tree-depth': INPUT_LIMITS.treeDepth,
  'xlsx-size': INPUT_LIMITS.xlsxInflatedBytes,
  'xlsx-loaded-size': INPUT_LIMITS.xlsxLoadedBytes,
  'xlsx-entries': INPUT_LIMITS.xlsxEntries,
  'text-size': INPUT_LIMITS.textBytes,
};

const CODES: Record<InputLimit, string> = {
  rows: 'input.too-many-rows',
  columns: 'input.too-many-columns',
  cells: 'input.too-many-cells',
  'tree-depth': 'input.tree-too-deep',
  'xlsx-size': 'input.xlsx-too-large',
  'xlsx-loaded-size': 'input.xlsx-too-large',
  'xlsx-entries': 'input.xlsx-too-many-entries',
  'text-size': 'input.text-too-large',
};

/** The finding of a file over a limit: where reading stopped and what was exceeded. */
export function limitValue(limit: InputLimit): number {
  return LIMIT_VALUE[limit];
}

export function limitFinding(limit: InputLimit, location: Location): Finding {
  return {
    severity: 'error',
    code: CODES[limit],
    location,
    params: { limit: LIMIT_VALUE[limit] },
  };
}

/**
 * Thrown by a reader the moment a file goes over a limit, so no more of it is read; the import
 * paths turn it into their findings (`findingsOfLimit`), other callers get a typed bad-input error.
 */
export function inputLimitError(limit: InputLimit, location: Location): SouseiError {
  const finding = limitFinding(limit, location);
  return new SouseiError(
    'invalid-input',
    finding.code,
    { file: location.file ?? null, limit: LIMIT_VALUE[limit] },
    [finding],
  );
}

/** The findings of a limit error, or undefined for any other error (to be rethrown). */
export function findingsOfLimit(error: unknown): readonly Finding[] | undefined {
  if (!(error instanceof SouseiError) || !error.messageKey.startsWith('input.')) return undefined;
  return error.findings;
}

/**
 * At most `INPUT_LIMITS.findings` findings, errors first (a refused file stays refused), then one
 * `findings.truncated` counting the rest ("and N more"), itself counted when capped again.
 */
export function capFindings(findings: readonly Finding[], max: number = INPUT_LIMITS.findings) {
  const truncated = findings.filter((f) => f.code === 'findings.truncated');
  const rest = findings.filter((f) => f.code !== 'findings.truncated');
  const earlier = truncated.reduce((n, f) => n + Number(f.params?.count ?? 0), 0);
  if (rest.length <= max && truncated.length === 0) return [...findings];
  // Errors before warnings when some must go, each kept in the order it was found.
  const errors = rest.filter((f) => f.severity === 'error').slice(0, max);
  const keep = new Set([...errors, ...rest.filter((f) => f.severity !== 'error')].slice(0, max));
  const kept = rest.filter((f) => keep.has(f));
  const count = earlier + rest.length - kept.length;
  if (count === 0) return kept;
  return [...kept, truncatedFinding(count, truncated[0]?.location)];
}

export function truncatedFinding(count: number, location?: Location): Finding {
  return { severity: 'warning', code: 'findings.truncated', location, params: { count } };
}
