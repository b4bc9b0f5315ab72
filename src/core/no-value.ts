import { toHalfWidth } from './half-width.ts';

/**
 * Cell texts that mean "no value" in every importer: empty, the hyphen and the dashes people
 * type or paste for it (U+2010 hyphen, U+2011 non-breaking hyphen, U+2013 en dash, U+2014 em
 * dash, U+2015 horizontal bar, U+FF0D full-width hyphen-minus) and U+2212, which strict
 * Shift_JIS decoders give for the full-width minus. Not ー (U+30FC): a kana length mark is text.
 */
const NO_VALUE = new Set(['', '-', '\u2010', '\u2011', '\u2013', '\u2014', '\u2015', '\u2212']);

/**
 * The one mark that every page, the report, its PDF and the workbook show for a missing value:
 * the source table's own hyphen (its amounts read `-`), so an exported workbook reads back the
 * same. CSV leaves the cell empty instead.
 */
export const NO_VALUE_MARK = '-';

const norm = (text: string) => toHalfWidth(text).trim();

/** True when a cell's text means no value; `extra` adds a mapping's own tokens (該当なし). */
export function isNoValue(text: string, extra: readonly string[] = []): boolean {
  const s = norm(text);
  return NO_VALUE.has(s) || extra.some((token) => norm(token) === s);
}
