import { SouseiError } from '../../core/errors.ts';
import type { Finding } from '../../core/finding.ts';
import { sourceHead } from '../../formats/byte-source.ts';
import { fromPlanDocument } from '../../formats/json/plan-document.ts';
import {
  type ProgressTableMetadata,
  splitMetadata,
} from '../../formats/tsv/progress-table-metadata.ts';
import { readProgressTable } from '../../formats/tsv/progress-table-reader.ts';
import { parseTsv } from '../../formats/tsv/tsv-grid.ts';
import { readProgressWorkbook } from '../../formats/xlsx/progress-workbook-reader.ts';
import { fiscalYearsWithFigures } from '../resolve-plan.ts';
import type { ImportFormat, ImportInput, ReadImport } from './import-input.ts';
import { importMunicipality } from './import-municipality.ts';
import { readTextSource, sourceOf } from './import-source.ts';
import { isPlanCsvText, readPlanCsv } from './read-plan-csv.ts';

/** Enough of a file's start to tell JSON from TSV past a BOM and leading blank lines. */
const HEAD_BYTES = 64 * 1024;

export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  // xlsx is a zip archive: PK\x03\x04.
  if (
    /\.xlsx$/i.test(fileName) ||
    (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
  ) {
    return 'xlsx';
  }
  if (/\.(tsv|txt|tab)$/i.test(fileName)) return 'tsv';
  if (/\.csv$/i.test(fileName)) return 'csv';
  const first = bytes.find(
    (b) =>
      b !== 0x20 &&
      b !== 0x0a &&
      b !== 0x0d &&
      b !== 0x09 &&
      b !== 0xef &&
      b !== 0xbb &&
      b !== 0xbf,
  );
  return first === 0x7b ? 'json' : 'tsv';
}

/** Reads a progress table (TSV or the xlsx this app writes) or a plan's JSON document. */
export async function readPlanFile(input: ImportInput): Promise<ReadImport> {
  const source = sourceOf(input);
  // Only the first bytes are needed to recognise the format.
  const format = input.format ?? detectFormat(input.fileName, await sourceHead(source, HEAD_BYTES));
  const none = { format, plan: null, fiscalYears: [], summary: null };
  // What the options say, else what our own export says about itself (its metadata).
  const options = async (metadata: ProgressTableMetadata | null) => {
    const municipality =
      input.municipalityCode === undefined && metadata?.municipality
        ? metadata.municipality
        : importMunicipality(input);
    const title = input.title ?? metadata?.title ?? undefined;
    if (title === undefined) throw new SouseiError('usage', 'plan.title-required');
    return {
      file: input.fileName,
      municipality,
      title,
      kind: input.kind,
      fiscalYear: input.fiscalYear,
      conventions: input.conventions,
    };
  };
  if (format === 'xlsx') {
    const book = await readProgressWorkbook(source, options, input.fileName);
    return { ...none, plan: book.plan, fiscalYears: book.fiscalYears, findings: book.findings };
  }
  // TSV and JSON parse a whole text: read only after its size passed the bound.
  const decoded = await readTextSource(source, input.fileName);
  if (!decoded.ok) return { ...none, findings: [decoded.finding] };
  // The open-data plan.csv, told by its header (a Sousei export, whatever its name).
  if (format === 'csv' || (format === 'tsv' && isPlanCsvText(decoded.text))) {
    return readPlanCsv(input, decoded.text, none);
  }
  if (format === 'tsv') {
    const rows = parseTsv(decoded.text, input.fileName);
    const { metadata } = splitMetadata(rows, input.fileName);
    const table = readProgressTable(rows, await options(metadata));
    return { ...none, plan: table.plan, fiscalYears: table.fiscalYears, findings: table.findings };
  }
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (e) {
    const finding: Finding = {
      severity: 'error',
      code: 'json.syntax',
      location: { file: input.fileName },
      params: { detail: e instanceof Error ? e.message : '' },
    };
    return { ...none, findings: [finding] };
  }
  const result = fromPlanDocument(value, input.fileName);
  if (result.plan) {
    if (input.municipalityCode !== undefined) {
      result.plan.municipality = importMunicipality(input);
    }
    if (input.title !== undefined) result.plan.plan.title = input.title;
  }
  const fiscalYears = result.plan ? fiscalYearsWithFigures(result.plan) : [];
  return { ...none, plan: result.plan, fiscalYears, findings: result.findings };
}
