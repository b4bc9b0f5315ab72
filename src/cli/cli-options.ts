import { SouseiError } from '../core/errors.ts';
import { type FiscalYear, parseFiscalYear } from '../core/fiscal-year.ts';

export function parseFiscalYearOption(value: string | undefined): FiscalYear | undefined {
  if (value === undefined) return undefined;
  const fy = parseFiscalYear(value);
  if (fy === null) throw new SouseiError('usage', 'usage.invalid-fiscal-year', { value });
  return fy;
}

/** `2020,R3` → [2020, 2021]. */
export function parseFiscalYearList(value: string | undefined): FiscalYear[] | undefined {
  if (value === undefined) return undefined;
  return value.split(/[,、]/).map((v) => parseFiscalYearOption(v.trim()) as FiscalYear);
}

export function parseChoice<T extends string>(value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new SouseiError('usage', 'usage.invalid-format', {
    format: value,
    choices: choices.join(', '),
  });
}
