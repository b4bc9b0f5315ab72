import type { Finding } from '../../core/finding.ts';
import { parseCsv } from '../../formats/csv/csv-grid.ts';
import { PLAN_COLUMNS } from '../../formats/csv/open-data-plan-csv.ts';
import { isOpenDataPlanCsv, readOpenDataPlanCsv } from '../../formats/csv/open-data-plan-reader.ts';
import { fiscalYearsWithFigures } from '../resolve-plan.ts';
import type { ImportInput, ReadImport } from './import-input.ts';
import { importMunicipality } from './import-municipality.ts';

/** A text that opens with plan.csv's header, whatever the file is called. */
export function isPlanCsvText(text: string): boolean {
  return text.replace(/^\uFEFF/, '').startsWith(`${PLAN_COLUMNS[0]},`);
}

/**
 * Reads the open-data plan.csv (docs/open-data-csv.md) into the plan it was written from; any
 * other CSV needs a column mapping and is refused, naming its header. Options given still win.
 */
export async function readPlanCsv(
  input: ImportInput,
  text: string,
  none: Omit<ReadImport, 'findings'>,
): Promise<ReadImport> {
  const rows = parseCsv(text, input.fileName);
  if (!isOpenDataPlanCsv(rows)) {
    // Other CSVs (a city's own, the other open-data tables) need a column mapping.
    const finding: Finding = {
      severity: 'error',
      code: 'csv.not-a-plan',
      location: { file: input.fileName, line: 1 },
      expected: 'plan-csv-header',
      found: rows[0]?.cells.join(',') ?? '',
    };
    return { ...none, findings: [finding] };
  }
  const read = readOpenDataPlanCsv(rows, input.fileName);
  const plan = read.plan;
  if (plan && input.municipalityCode !== undefined) {
    plan.municipality = importMunicipality(input);
  }
  if (plan && input.title !== undefined) plan.plan.title = input.title;
  const fiscalYears = plan ? fiscalYearsWithFigures(plan) : [];
  return { ...none, plan, fiscalYears, findings: read.findings };
}
