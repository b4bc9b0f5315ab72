import { toHalfWidth } from './half-width.ts';

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

export type ParsedAmount =
  | { ok: true; yen: Yen | null }
  | { ok: false; reason: 'not-a-number' | 'too-many-decimals' | 'out-of-range' };

// Cells that mean "no value". U+2212 (minus sign) is here and in NEGATIVE because strict
// Shift_JIS decoders map the full-width minus to it, where CP932 gives U+FF0D.
const MISSING = new Set(['', '-', '—', '―', 'ー', '\u2212']);
// △ and ▲ are the Japanese accounting marks for a negative amount (減額・マイナス).
const NEGATIVE = /^[△▲\-\u2212]\s*/;
// Either plain digits or separators in groups of three ('1,234', never '1,23' or '12,34').
const NUMBER = /^(?<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<frac>\d+))?$/;
// Longest first, so '5百万円' reads as 百万円 rather than 円.
const UNIT_WORD = /(?:百万円|千円|円)$/;

const OUT_OF_RANGE = { ok: false, reason: 'out-of-range' } as const;
const NOT_A_NUMBER = { ok: false, reason: 'not-a-number' } as const;
const MAX_YEN = BigInt(Number.MAX_SAFE_INTEGER);

/** Sign and decimal number (no unit word) to yen, exactly, by moving the decimal point. */
function decimalToYen(text: string, unit: AmountUnit): ParsedAmount {
  const sign = NEGATIVE.exec(text);
  const groups = NUMBER.exec(sign ? text.slice(sign[0].length) : text)?.groups;
  if (!groups) return NOT_A_NUMBER;
  const scale = UNIT_SCALE[unit];
  const fraction = (groups.frac ?? '').replace(/0+$/, '');
  if (fraction.length > scale) return { ok: false, reason: 'too-many-decimals' };
  const digits = (groups.int ?? '').replaceAll(',', '') + fraction.padEnd(scale, '0');
  const magnitude = BigInt(digits);
  if (magnitude > MAX_YEN) return OUT_OF_RANGE;
  const yen = Number(magnitude);
  // `yen !== 0` keeps '-0' from becoming -0.
  return { ok: true, yen: sign && yen !== 0 ? -yen : yen };
}

/**
 * Parses a cell as typed in a table shown in `unit`: '2,810' 千円 → 2,810,000 yen. Accepts
 * full-width characters, a leading △/▲/- for negatives, and a trailing unit word only if it is
 * `unit`. A dash or an empty cell is a missing value (yen: null), never 0.
 */
export function parseAmount(text: string, unit: AmountUnit): ParsedAmount {
  let s = toHalfWidth(text).trim();
  if (MISSING.has(s)) return { ok: true, yen: null };
  const word = UNIT_WORD.exec(s)?.[0];
  if (word !== undefined) {
    if (word !== unit) return NOT_A_NUMBER;
    s = s.slice(0, -word.length).trimEnd();
  }
  return decimalToYen(s, unit);
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
  if (yen === null) return '-';
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

/** A rate as a percentage with one decimal ('152.2%'); null (or a non-finite rate) → '—'. */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  const text = (rate * 100).toFixed(1);
  return `${text === '-0.0' ? '0.0' : text}%`;
}
