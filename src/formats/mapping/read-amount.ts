import { parseAmount, type Yen } from '../../core/money.ts';
import { isNoValue } from '../../core/no-value.ts';
import type { Finance } from '../../core/plan.ts';
import type { MappedRow } from './mapped-row.ts';
import type { AmountRef, ColumnRef, Mapping } from './mapping-schema.ts';

export function amountRefs(ref: AmountRef): ColumnRef[] {
  return typeof ref === 'object' && 'sum' in ref ? ref.sum : [ref];
}

/** Cells rounded to whole yen under the mapping's `rounding` (one info finding counts them). */
export interface RoundingTally {
  cells: number;
}

/**
 * An amount in yen: one cell, or the sum of several; null when every cell is empty. A cell
 * that cannot be read is reported and adds nothing; a fraction of a yen follows `rounding`.
 */
export function readAmount(
  row: MappedRow,
  ref: AmountRef,
  mapping: Mapping,
  tally: RoundingTally,
): Yen | null {
  let total: Yen | null = null;
  for (const r of amountRefs(ref)) {
    const text = row.raw(r);
    if (isNoValue(text, mapping.emptyTokens)) continue;
    const parsed = parseAmount(text, mapping.amountUnit, mapping.rounding);
    if (!parsed.ok) {
      row.problem(`amount.${parsed.reason}`, r, 'amount', text);
      continue;
    }
    if (parsed.rounded) tally.cells++;
    if (parsed.yen !== null) total = (total ?? 0) + parsed.yen;
  }
  return total;
}

/** The project's budget and settlement per mapped year; years with neither are left out. */
export function readFinances(row: MappedRow, mapping: Mapping, tally: RoundingTally): Finance[] {
  const amount = (ref: AmountRef | undefined) =>
    ref ? readAmount(row, ref, mapping, tally) : null;
  return mapping.finances
    .map((f) => ({
      fiscalYear: f.fiscalYear,
      budget: amount(f.budget),
      settlement: amount(f.settlement),
    }))
    .filter((f) => f.budget !== null || f.settlement !== null);
}
