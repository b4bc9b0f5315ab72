import { type ImportSource, sourceOf } from '../import/import-source.ts';
import { readSampleSheets } from './read-sample-sheets.ts';
import { type MappingSuggestion, suggestMapping } from './suggest-mapping.ts';

export interface FileSuggestion extends MappingSuggestion {
  /** The sheet read (xlsx), chosen as the one with the most readable table when none was named. */
  sheet?: string;
}

const columnsRead = (s: MappingSuggestion) => (s.mapping ? s.read : -1);

/**
 * `sousei mapping suggest` and the import page's 「対応表を提案」: reads a file's first rows and
 * proposes a mapping. Without a named sheet, every sheet is tried and the one whose table maps
 * the most columns is taken (the others are named in a note, so the choice is not silent).
 * `policies`: the municipality's 今後の方針 words a policy column is mapped onto (default: the
 * core's).
 */
export async function suggestMappingForFile(
  input: ImportSource & { fileName: string; sheet?: string; policies?: readonly string[] },
): Promise<FileSuggestion> {
  const sheets = await readSampleSheets(sourceOf(input), input.fileName, input.sheet);
  const tried = sheets.map((s) => ({
    sheet: s.name,
    ...suggestMapping(s.rows, { sheet: s.name, policies: input.policies }),
  }));
  const best = tried.reduce<FileSuggestion | undefined>(
    (a, b) => (a === undefined || columnsRead(b) > columnsRead(a) ? b : a),
    undefined,
  );
  if (!best)
    return {
      mapping: null,
      questions: [{ code: 'suggest.no-table', params: {} }],
      unused: [],
      read: 0,
    };
  if (input.sheet === undefined && sheets.length > 1) {
    const others = sheets
      .filter((s) => s.name !== best.sheet)
      .map((s) => s.name)
      .join('、');
    best.questions.unshift({
      code: 'suggest.sheet-chosen',
      params: { sheet: best.sheet ?? '', others },
    });
  }
  return best;
}
