import { LATIN_UNITS } from './counters.ts';

/**
 * Spans of a sentence whose digits are not quantities: dates and era labels, clock times, ages,
 * ordinals, codes and model names. They are masked (replaced by MASK, keeping every position)
 * before numbers are read, so no later rule has to think about them again.
 */
/** Private-use characters: never in real text, and no rule reads them as a word or a digit. */
export const MASK = '\uE000';
/** Names and ordinals are masked with this instead: they may be part of a label (5G活用セミナー). */
export const NAME_MASK = '\uE001';

// A latin era letter directly before its year (SNS 3件 is not Showa 3); kanji eras may have a space.
const ERA = '(?:(?<![A-Za-z])[RHS](?=\\d|元)|(?:令和|平成|昭和)\\s?)';
const KANJI_SMALL = '[一二三四五六七八九十]';

/** Each pattern with the reason it is not a count. */
interface NotQuantity {
  readonly why: string;
  readonly pattern: RegExp;
  /** A match this says is a quantity after all stays unmasked. */
  readonly keep?: (match: string) => boolean;
  /** A name or an ordinal, which a label may contain. */
  readonly name?: boolean;
}

export const NOT_QUANTITIES: readonly NotQuantity[] = [
  {
    why: 'era dates and years: R3.3.26, R2, H31.4, 令和3年度, (R2~)',
    pattern: new RegExp(
      `${ERA}(?:\\d{1,2}|元|${KANJI_SMALL}{1,3})(?:\\s?[.年]\\s?\\d{1,2}(?:\\s?[.月]\\s?\\d{1,2}日?)?)?(?:年度|年|月|日)?`,
      'gu',
    ),
  },
  {
    why: 'western dates and years: 2021.3.31, 2020年度',
    pattern: /(?<!\d)\d{4}(?:[./年]\d{1,2}(?:[./月]\d{1,2}日?)?|年度?)/gu,
  },
  {
    why: 'dotted or slashed dates: 3.26.1, 3/26',
    pattern: /(?<![\d.])\d+(?:\.\d+){2,}|(?<!\d)\d{1,2}\/\d{1,2}/gu,
  },
  {
    why: 'months and days: 8月, ８月２０日, 8月20日~22日, 3月末',
    pattern: new RegExp(
      `(?:\\d{1,2}|${KANJI_SMALL}{1,3})月(?:\\d{1,2}日)?(?:(?:~|から)\\d{1,2}日)?`,
      'gu',
    ),
  },
  {
    why: 'a day of the month on its own: 20日に, 10日から, 5日(金)',
    pattern: /\d{1,2}日(?=に|から|まで|~|\((?:[月火水木金土日]|祝))/gu,
  },
  {
    why: 'clock times and phone or postal numbers: 14:00, 0143-22-1111',
    pattern: /(?<![\d:-])\d+(?:[-:]\d+)+/gu,
  },
  { why: 'clock hours: 10時 (not 10時間)', pattern: /\d{1,2}時(?!間)(?:\d{1,2}分)?/gu },
  { why: 'ages are conditions, not counts: 65歳以上, 3歳児', pattern: /(?<!\d)\d+(?:歳|才)/gu },
  { why: 'ordinals: 第3回, 第二期', pattern: /第[\d一二三四五六七八九十百]+/gu, name: true },
  {
    why: 'ordinals: 3回目, 2年目, 1位',
    pattern:
      /(?<![\d一二三四五六七八九十])[\d一二三四五六七八九十]+(?:回|年|番|度|期|人|社|件)目|(?<!\d)\d+位/gu,
  },
  {
    why: 'vague amounts: 数十名, 十数件, 数百人',
    pattern: /数[十百千万]+(?![一二三四五六七八九])|[十百千]数/gu,
  },
  {
    why: 'codes and names: JISQ9100, ISO9001, COVID-19, Society5.0, No.1',
    pattern: /(?<![A-Za-z.-])[A-Za-z][A-Za-z.-]*\d[\dA-Za-z.-]*/gu,
    name: true,
  },
  {
    why: 'model names: 5G, 4K, 3D (but 5km and 3ha are measures)',
    pattern: /(?<![\d.])\d+(?:\.\d+)?[A-Za-z]+/gu,
    keep: (m) => LATIN_UNITS.has(m.replace(/^[\d.]+/, '')),
    name: true,
  },
];

/** `text` with every not-a-quantity span replaced by MASK characters, positions kept. */
export function maskNotQuantities(text: string): string {
  let masked = text;
  for (const { pattern, keep, name } of NOT_QUANTITIES)
    masked = maskMatches(masked, pattern, keep, name ? NAME_MASK : MASK);
  return masked;
}

export function maskMatches(
  text: string,
  pattern: RegExp,
  keep: (match: string) => boolean = () => false,
  mask = MASK,
): string {
  return text.replace(pattern, (m) => (keep(m) ? m : mask.repeat(m.length)));
}

export function maskRange(text: string, start: number, end: number): string {
  return text.slice(0, start) + MASK.repeat(end - start) + text.slice(end);
}
