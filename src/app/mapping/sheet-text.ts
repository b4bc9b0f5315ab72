/**
 * Small readings of spreadsheet text that the mapping suggestion relies on: a header's normal
 * form, whether a cell is a number or kana only, and the fiscal year a label names.
 */

/** A header as the mapping reader compares it: NFKC half-width, no spaces or line breaks. */
export const normaliseHeader = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** Cells that mean "no value" in city workbooks (dash variants; ー is a kana mark, not a dash). */
const NO_VALUE = new Set(['', '-', '‐', '‑', '–', '—', '―', '－', '−']);

export const isBlank = (text: string) => NO_VALUE.has(text.normalize('NFKC').trim());

/** A number as a spreadsheet holds it, also stored as text: "1,100", "１２．５", "-3", "70.5%". */
export function isNumberText(text: string): boolean {
  const s = text
    .normalize('NFKC')
    .trim()
    .replace(/,/g, '')
    .replace(/[%％]$/, '');
  return s !== '' && /^[-−]?\d+(\.\d+)?$/.test(s);
}

/** A row of furigana under a header: every filled cell is hiragana or katakana only. */
export function isKanaOnly(text: string): boolean {
  const s = text.replace(/[\s\u3000・]/g, '');
  return s !== '' && /^[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9f]+$/.test(s);
}

/** A short code: "01-01-001", "1.2", "A12" — the code column beside a level's name. */
export function isCodeText(text: string): boolean {
  const s = text.normalize('NFKC').trim();
  return s.length > 0 && s.length <= 16 && /^[0-9A-Za-z][0-9A-Za-z.\-_/]*$/.test(s);
}

const ERAS: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988 };

/**
 * The fiscal year (西暦) a label names: 令和2年度, 令和元年度, R3, Ｒ３予算, H30決算, 平成30年度,
 * 2020年度, (R6). Null when it names none or more than one different year.
 */
export function yearOf(text: string): number | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  const found = new Set<number>();
  for (const m of s.matchAll(/(令和|平成)(元|\d{1,2})年?/g)) {
    const n = m[2] === '元' ? 1 : Number(m[2]);
    found.add((ERAS[m[1] ?? ''] ?? 0) + n);
  }
  for (const m of s.matchAll(/(?<![A-Za-z])([RH])(元|\d{1,2})(?!\d)/g)) {
    const n = m[2] === '元' ? 1 : Number(m[2]);
    found.add((ERAS[m[1] ?? ''] ?? 0) + n);
  }
  for (const m of s.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)) found.add(Number(m[1]));
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** The label without the year it names (令和2年度予算 → 予算), to read what a column holds. */
export const withoutYear = (text: string) => yearRemoved(text).replace(/[()（）]/g, '');

/** The label without the year it names, its own brackets kept (その他(特定財源)): a name. */
export function yearRemoved(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/(令和|平成)(元|\d{1,2})年度?/g, '')
    .replace(/(?<![A-Za-z])[RH](元|\d{1,2})(年度)?(?!\d)/g, '')
    .replace(/(?<!\d)(19|20)\d{2}年度?(?!\d)/g, '')
    .replace(/\(\)/g, '');
}
