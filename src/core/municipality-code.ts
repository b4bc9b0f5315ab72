import { toHalfWidth } from './half-width.ts';

/**
 * 全国地方公共団体コード (総務省): two digits of prefecture, three of municipality, one check digit.
 * A prefecture itself has municipality part 000 (東京都 = 130001).
 */

// Weights and modulus from the 総務省 specification of the check digit (検査数字).
const WEIGHTS = [6, 5, 4, 3, 2] as const;

/** The check digit of a five-digit code: last digit of 11 − (Σ digit × weight mod 11). */
export function municipalityCheckDigit(first5: string): string {
  if (!/^\d{5}$/.test(first5)) throw new RangeError(`Not a five-digit code: ${first5}`);
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += Number(first5[i]) * weight;
  });
  // r = 0 gives 11 and r = 1 gives 10: both keep only their last digit (1 and 0).
  return String((11 - (sum % 11)) % 10);
}

/** Six ASCII digits, a prefecture 01–47 and the right check digit. */
export function isValidMunicipalityCode(code: string): boolean {
  return (
    /^\d{6}$/.test(code) &&
    prefectureByCode.has(code.slice(0, 2)) &&
    municipalityCheckDigit(code.slice(0, 5)) === code[5]
  );
}

/**
 * Reads a code as typed or exported: full-width digits and surrounding spaces are accepted, and a
 * five-digit code (common in statistics tables, which drop the check digit) gets its check digit.
 * Returns the six-digit code, or null when it is not a valid one.
 */
export function parseMunicipalityCode(text: string): string | null {
  const normalized = toHalfWidth(text).trim();
  const code = /^\d{5}$/.test(normalized)
    ? normalized + municipalityCheckDigit(normalized)
    : normalized;
  return isValidMunicipalityCode(code) ? code : null;
}

export interface Prefecture {
  code: string;
  name: string;
}

// JIS X 0401 order, which the first two digits of every municipality code follow.
const PREFECTURE_NAMES = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
] as const;

export const PREFECTURES: readonly Prefecture[] = Object.freeze(
  PREFECTURE_NAMES.map((name, i) => Object.freeze({ code: String(i + 1).padStart(2, '0'), name })),
);

const prefectureByCode = new Map(PREFECTURES.map((p) => [p.code, p]));

/**
 * The prefecture of a two-digit prefecture code ('13') or of a municipality code in any form
 * parseMunicipalityCode accepts ('131016', '13101'); null when neither.
 */
export function prefectureOf(code: string): Prefecture | null {
  const normalized = toHalfWidth(code).trim();
  if (/^\d{2}$/.test(normalized)) return prefectureByCode.get(normalized) ?? null;
  const parsed = parseMunicipalityCode(normalized);
  return parsed ? (prefectureByCode.get(parsed.slice(0, 2)) ?? null) : null;
}

/** True for a valid six-digit code of a prefecture itself (municipality part 000, e.g. 130001). */
export function isPrefectureCode(code: string): boolean {
  return isValidMunicipalityCode(code) && code.slice(2, 5) === '000';
}
