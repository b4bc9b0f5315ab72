import { toHalfWidth } from './half-width.ts';
import { isNoValue, NO_VALUE_MARK } from './no-value.ts';

/** The unit a table shows amounts in (表示単位). */
export type AmountUnit = '円' | '千円' | '百万円';

export const UNIT_FACTOR: Record<AmountUnit, number> = { 円: 1, 千円: 1000, 百万円: 1_000_000 };

/** Decimal places between the unit and yen: the exact, string-level form of UNIT_FACTOR. */
const UNIT_SCALE: Record<AmountUnit, number> = { 円: 0, 千円: 3, 百万円: 6 };

/**
 * An amount in whole yen. Always a safe integer (Number.isSafeInteger), so sums and comparisons
 * are exact; fractions of a unit exist only in text ('2,551.01' 千円 = 2,551,010 yen).
 */
export type Yen = number;

/**
 * What to do with an amount that is not a whole yen after unit conversion (1,355.3925 千円):
 * refuse it, or round half away from zero, down (toward −∞) or up (toward +∞), exactly.
 */
export type Rounding = 'error' | 'round' | 'floor' | 'ceil';

export type ParsedAmount =
  | { ok: true; yen: Yen | null; rounded?: true }
  | { ok: false; reason: 'not-a-number' | 'too-many-decimals' | 'out-of-range' };

// Cells that mean "no value" are core/no-value's; in an amount cell a lone ー (the kana length
// mark, what a Japanese IME types for "-") is one too, as it has always been here.
const isMissing = (text: string) => isNoValue(text) || text === 'ー';
// △ and ▲ are the Japanese accounting marks for a negative amount (減額・マイナス).
const NEGATIVE = /^[△▲\-\u2212]\s*/;
// Either plain digits or separators in groups of three ('1,234', never '1,23' or '12,34').
const NUMBER = /^(?<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<frac>\d+))?$/;
// Longest first, so '5百万円' reads as 百万円 rather than 円.
const UNIT_WORD = /(?:百万円|千円|円)$/;

const OUT_OF_RANGE = { ok: false, reason: 'out-of-range' } as const;
const NOT_A_NUMBER = { ok: false, reason: 'not-a-number' } as const;
const MAX_YEN = BigInt(Number.MAX_SAFE_INTEGER);

/** Whether dropping a non-zero remainder moves the magnitude up one yen. */
function roundsUp(rounding: Rounding, remainder: string, negative: boolean): boolean {
  if (rounding === 'round') return remainder[0] !== undefined && remainder[0] >= '5';
  return rounding === (negative ? 'floor' : 'ceil');
}

/** Sign and decimal number (no unit word) to yen, exactly, by moving the decimal point. */
function decimalToYen(text: string, unit: AmountUnit, rounding: Rounding = 'error'): ParsedAmount {
  const sign = NEGATIVE.exec(text);
  const groups = NUMBER.exec(sign ? text.slice(sign[0].length) : text)?.groups;
  if (!groups) return NOT_A_NUMBER;
  const scale = UNIT_SCALE[unit];
  const fraction = (groups.frac ?? '').replace(/0+$/, '');
  const remainder = fraction.slice(scale);
  if (remainder && rounding === 'error') return { ok: false, reason: 'too-many-decimals' };
  const digits =
    (groups.int ?? '').replaceAll(',', '') + fraction.slice(0, scale).padEnd(scale, '0');
  let magnitude = BigInt(digits);
  if (remainder && roundsUp(rounding, remainder, sign !== null)) magnitude += 1n;
  if (magnitude > MAX_YEN) return OUT_OF_RANGE;
  const yen = Number(magnitude);
  // `yen !== 0` keeps '-0' from becoming -0.
  const value = sign && yen !== 0 ? -yen : yen;
  return remainder ? { ok: true, yen: value, rounded: true } : { ok: true, yen: value };
}

/**
 * Parses a cell as typed in a table shown in `unit`: '2,810' 千円 → 2,810,000 yen. Accepts
 * full-width characters, a leading △/▲/- for negatives, and a trailing unit word only if it is
 * `unit`. A dash or an empty cell is a missing value (yen: null), never 0. A fraction of a yen is
 * refused unless `rounding` says how to round it (the result then says `rounded`).
 */
export function parseAmount(
  text: string,
  unit: AmountUnit,
  rounding: Rounding = 'error',
): ParsedAmount {
  let s = toHalfWidth(text).trim();
  if (isMissing(s)) return { ok: true, yen: null };
  const word = UNIT_WORD.exec(s)?.[0];
  if (word !== undefined) {
    if (word !== unit) return NOT_A_NUMBER;
    s = s.slice(0, -word.length).trimEnd();
  }
  return decimalToYen(s, unit, rounding);
}

/** Writes '1.5e-7' or '1.2e+21' (as toPrecision may) in plain positional notation. */
function withoutExponent(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign = '', int = '', frac = '', exponent = '0'] = m;
  const digits = int + frac;
  const point = int.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Converts a number read from a spreadsheet, in `unit`, to yen. Spreadsheets store binary
 * floats, so 2,551.01 arrives as 2551.0100000000002. toPrecision(15) rounds to 15 significant
 * digits, the most a double always round-trips (DBL_DIG; Excel also keeps 15), which removes
 * that noise and restores the decimal the user typed; the exact string path does the rest.
 * Integers skip the rounding, so large yen amounts keep all their digits.
 */
export function amountFromNumber(value: number, unit: AmountUnit): ParsedAmount {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const text = Number.isInteger(value)
    ? BigInt(value).toString()
    : withoutExponent(value.toPrecision(15));
  return decimalToYen(text, unit);
}

/**
 * Writes yen in `unit` with thousands separators and only the decimals needed:
 * 2,810,000 → '2,810', 2,551,010 → '2,551.01', 500 → '0.5' (all 千円); null → '-'.
 * Exact: digits are moved as text, never divided as floats. Throws a RangeError unless yen is a
 * safe integer.
 */
export function formatAmount(yen: Yen | null, unit: AmountUnit): string {
  if (yen === null) return NO_VALUE_MARK;
  if (!Number.isSafeInteger(yen)) throw new RangeError(`Not a whole number of yen: ${yen}`);
  const scale = UNIT_SCALE[unit];
  const digits = String(Math.abs(yen)).padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${yen < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Sum of the values present; null when none is (a column of dashes totals '-', not 0).
 * Throws a RangeError when a value or the total is not a safe integer.
 */
export function sumAmounts(values: readonly (Yen | null)[]): Yen | null {
  let total = 0n;
  let any = false;
  for (const value of values) {
    if (value === null) continue;
    if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number of yen: ${value}`);
    total += BigInt(value);
    any = true;
  }
  if (!any) return null;
  if (total > MAX_YEN || total < -MAX_YEN) throw new RangeError(`Total out of range: ${total}`);
  return Number(total);
}

/** 執行率: settlement ÷ budget; null when either is missing or the budget is 0. */
export function executionRate(budget: Yen | null, settlement: Yen | null): number | null {
  if (budget === null || settlement === null || budget === 0) return null;
  return settlement / budget;
}

/** A rate as a percentage with one decimal ('152.2%'); null (or a non-finite rate) → the no-value mark. */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return NO_VALUE_MARK;
  const text = (rate * 100).toFixed(1);
  return `${text === '-0.0' ? '0.0' : text}%`;
}
