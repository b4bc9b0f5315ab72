import type { Finding, Location } from '../../core/finding.ts';
import type { MappingSummary } from './mapped-result.ts';
import type { Mapping } from './mapping-schema.ts';

export function emptySummary(mapping: Mapping): MappingSummary {
  return {
    rows: 0,
    skippedRows: 0,
    projects: 0,
    nodes: mapping.columns.levels.map(() => 0),
    financeYears: 0,
    indicators: 0,
    actuals: 0,
    evaluations: 0,
  };
}

/** One info finding counting the amounts rounded to whole yen under `rounding`. */
export function roundingFinding(cells: number, mapping: Mapping, location: Location): Finding[] {
  if (cells === 0) return [];
  return [
    {
      severity: 'info',
      code: 'mapping.amounts-rounded',
      location: { file: location.file, sheet: location.sheet },
      params: { count: cells, rounding: mapping.rounding },
    },
  ];
}

/** What is wrong with the file as a whole once every row is read: no header, or no project. */
export function closingFindings(
  summary: MappingSummary,
  headerRead: boolean,
  findings: readonly Finding[],
  location: Location,
): Finding[] {
  const closing: Finding[] = [];
  if (!headerRead) {
    closing.push({
      severity: 'error',
      code: 'mapping.header-not-found',
      location,
      expected: 'header-row',
      found: '',
    });
  }
  if (
    summary.projects === 0 &&
    !findings.some((f) => f.severity === 'error') &&
    closing.length === 0
  ) {
    closing.push({
      severity: 'error',
      code: 'table.no-projects',
      location: { file: location.file, sheet: location.sheet },
      expected: 'project-row',
    });
  }
  return closing;
}
