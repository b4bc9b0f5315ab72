import type { AppContext } from '../app-context.ts';
import { loadSettings } from '../evaluation/municipality-settings.ts';
import type { ImportSource } from '../import/import-source.ts';
import { type FileSuggestion, suggestMappingForFile } from './suggest-mapping-for-file.ts';

/**
 * The import page's 「対応表を提案」 for one municipality: a policy column is mapped onto that
 * municipality's own 今後の方針 words (its evaluation settings), not the product's defaults, so
 * the import that follows stores the words its committee uses.
 */
export async function suggestMappingForMunicipality(
  ctx: AppContext,
  municipalityCode: string,
  input: ImportSource & { fileName: string; sheet?: string },
): Promise<FileSuggestion> {
  const { policies } = await loadSettings(ctx, municipalityCode);
  return suggestMappingForFile({ ...input, policies });
}
