import { type AmountUnit, parseAmount, type Yen } from '../../core/money.ts';
import type { Finance } from '../../core/plan.ts';
import type { MappedRow } from './mapped-row.ts';
import type { AmountRef, ColumnRef, Mapping } from './mapping-schema.ts';

export function amountRefs(ref: AmountRef): ColumnRef[] {
  return typeof ref === 'object' && 'sum' in ref ? ref.sum : [ref];
}

/** An amount in yen: one cell, or the sum of several; null when every cell is empty. */
export function readAmount(row: MappedRow, ref: AmountRef, unit: AmountUnit): Yen | null {
  let total: Yen | null = null;
  for (const r of amountRefs(ref)) {
    const text = row.text(r);
    const parsed = parseAmount(text, unit);
    if (!parsed.ok) {
      row.problem(`amount.${parsed.reason}`, r, 'amount', text);
      continue;
    }
    if (parsed.yen !== null) total = (total ?? 0) + parsed.yen;
  }
  return total;
}

/** The project's budget and settlement per mapped year; years with neither are left out. */
export function readFinances(row: MappedRow, mapping: Mapping): Finance[] {
  return mapping.finances
    .map((f) => ({
      fiscalYear: f.fiscalYear,
      budget: f.budget ? readAmount(row, f.budget, mapping.amountUnit) : null,
      settlement: f.settlement ? readAmount(row, f.settlement, mapping.amountUnit) : null,
    }))
    .filter((f) => f.budget !== null || f.settlement !== null);
}
