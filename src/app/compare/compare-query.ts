import { SouseiError } from '../../core/errors.ts';
import { type FiscalYear, parseFiscalYear } from '../../core/fiscal-year.ts';
import { prefectureOf } from '../../core/municipality-code.ts';
import { isMunicipalityKind, type MunicipalityKind } from '../../core/municipality-kind.ts';

/** One row per municipality and plan, or one per basic goal of each plan. */
export type CompareGrouping = 'municipality' | 'goal';

/** What the comparison is asked for; null means every one (the latest year for the year). */
export interface CompareQuery {
  fiscalYear: FiscalYear | null;
  /** Two digits, 01–47. */
  prefecture: string | null;
  kind: MunicipalityKind | null;
  by: CompareGrouping;
}

/** The raw parameters as a form or the API sends them; empty means not asked. */
export interface RawCompareQuery {
  fiscalYear?: string | undefined;
  prefecture?: string | undefined;
  kind?: string | undefined;
  by?: string | undefined;
}

const blank = (v: string | undefined) => v === undefined || v.trim() === '';

/**
 * Reads the filters (a year as 2020, R2 or 令和2年度; a prefecture as 13 or 東京都's code; a
 * kind), refusing what cannot be read with a usage error rather than guessing.
 */
export function parseCompareQuery(raw: RawCompareQuery): CompareQuery {
  let fiscalYear: FiscalYear | null = null;
  if (!blank(raw.fiscalYear)) {
    fiscalYear = parseFiscalYear(raw.fiscalYear as string);
    if (fiscalYear === null) {
      throw new SouseiError('usage', 'usage.invalid-fiscal-year', { value: raw.fiscalYear ?? '' });
    }
  }
  let prefecture: string | null = null;
  if (!blank(raw.prefecture)) {
    const value = (raw.prefecture as string).trim();
    const found = prefectureOf(/^\d$/.test(value) ? `0${value}` : value);
    if (!found) throw new SouseiError('usage', 'compare.invalid-prefecture', { value });
    prefecture = found.code;
  }
  let kind: MunicipalityKind | null = null;
  if (!blank(raw.kind)) {
    const value = (raw.kind as string).trim();
    if (!isMunicipalityKind(value))
      throw new SouseiError('usage', 'compare.invalid-kind', { value });
    kind = value;
  }
  const by = blank(raw.by) ? 'municipality' : (raw.by as string).trim();
  if (by !== 'municipality' && by !== 'goal') {
    throw new SouseiError('usage', 'compare.invalid-grouping', { value: by });
  }
  return { fiscalYear, prefecture, kind, by };
}
