import { SouseiError } from '../../core/errors.ts';
import { findingsOfLimit } from '../../core/input-limits.ts';
import { csvRowsStream } from '../../formats/csv/csv-rows-stream.ts';
import { type Mapping, MappingSchema } from '../../formats/mapping/mapping-schema.ts';
import { type MappedResult, readMappedRows } from '../../formats/mapping/read-mapped-rows.ts';
import { xlsxRows } from '../../formats/mapping/row-sources.ts';
import type { ImportInput, ReadImport } from './import-input.ts';
import { importMunicipality } from './import-municipality.ts';
import { isZip, sourceOf, streamTextSource } from './import-source.ts';
import { storedFileName } from './stored-file-name.ts';

export function parseMapping(value: unknown, path: string): Mapping {
  const parsed = MappingSchema.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new SouseiError('invalid-input', 'mapping.invalid', { path, detail });
  }
  return parsed.data;
}

/**
 * Reads any city's workbook or CSV through a column mapping: every row (streaming an xlsx),
 * every unreadable cell at once, the plan with the KPIs and evaluations the rows carry.
 */
export async function readMappedFile(input: ImportInput): Promise<ReadImport> {
  const mapping = parseMapping(input.mapping, 'mapping');
  const municipality = importMunicipality({
    ...input,
    municipalityCode: input.municipalityCode ?? '',
  });
  const title = input.title ?? mapping.plan.title;
  if (!title) throw new SouseiError('usage', 'plan.title-required');
  const none = { format: 'mapped', plan: null, fiscalYears: [], summary: null };
  const source = sourceOf(input);
  let rows:
    | AsyncIterable<{ line: number; cells: string[]; sheet?: string }>
    | Iterable<{ line: number; cells: string[] }>;
  const zip = await isZip(source);
  if (zip) {
    // Streamed from the file: guarded by random access, then read in 64 KB chunks.
    rows = xlsxRows(source, mapping.sheet, input.onProgress, input.fileName);
  } else {
    // A CSV streams too (decoded and parsed chunk by chunk), bounded by rows, cells and row size.
    const text = await streamTextSource(source, input.fileName, input.onProgress);
    if (!text.ok) return { ...none, findings: [text.finding] };
    rows = csvRowsStream(text.text, input.fileName);
  }
  let result: MappedResult;
  try {
    result = await readMappedRows(rows, mapping, { file: input.fileName, municipality, title });
  } catch (e) {
    // A file over a limit says which; anything else the streaming reader throws is a bad xlsx.
    if (findingsOfLimit(e) || !zip) throw e;
    return {
      ...none,
      findings: [
        {
          severity: 'error',
          code: 'xlsx.unreadable',
          location: { file: input.fileName },
          expected: 'xlsx',
        },
      ],
    };
  }
  return {
    format: 'mapped',
    plan: result.plan,
    fiscalYears: [...new Set(mapping.finances.map((f) => f.fiscalYear))],
    findings: result.findings,
    summary: result.summary,
    records: {
      source: storedFileName(input.fileName),
      kpis: result.kpis,
      evaluations: result.evaluations,
    },
  };
}
