/**
 * Numbers as result sentences write them: ASCII digits (full-width ones are made ASCII before),
 * thousands separators (1,200), decimals (95.5), kanji numerals (三, 二十五, 千二百) and the
 * 万/億 groups, alone or mixed with digits (1万2千 → 12000, 1.5万 → 15000).
 */

export const KANJI_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 億: 100_000_000 };

/**
 * One numeral in running text. A numeral starts with a digit or a kanji digit (〇 excepted: it is
 * the placeholder of 〇〇事業) or 十/百/千; 万 and 億 only follow something.
 */
export const NUMERAL =
  /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:[〇一二三四五六七八九十百千万億]|(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)*|[一二三四五六七八九十百千][〇一二三四五六七八九十百千万億]*/gu;

/** The value of a numeral NUMERAL matched, or null when it is not a well-formed number. */
export function parseNumeral(raw: string): number | null {
  const parts = raw.replaceAll(',', '').match(/\d+(?:\.\d+)?|./gu) ?? [];
  let total = 0;
  let section = 0;
  let current: number | null = null;
  for (const part of parts) {
    const digit = KANJI_DIGITS[part];
    if (/^\d/.test(part)) current = Number(part);
    else if (digit !== undefined) current = (current ?? 0) * 10 + digit;
    else if (SMALL_UNITS[part] !== undefined) {
      section += (current ?? 1) * (SMALL_UNITS[part] as number);
      current = null;
    } else if (LARGE_UNITS[part] !== undefined) {
      const group = section + (current ?? 0);
      if (group === 0) return null;
      total += group * (LARGE_UNITS[part] as number);
      section = 0;
      current = null;
    } else return null;
  }
  // Decimals times 万 (1.5万) would carry binary noise without the rounding.
  const value = Math.round((total + section + (current ?? 0)) * 1e6) / 1e6;
  // A run of hundreds of digits is no count (and would print as null in JSON).
  return Number.isSafeInteger(Math.trunc(value)) ? value : null;
}

/** True for a numeral written only in kanji (三, 二十): these need stricter context than digits. */
export const isKanjiNumeral = (raw: string): boolean => !/\d/.test(raw);
