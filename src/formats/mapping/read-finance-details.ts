import type { Finance } from '../../core/plan.ts';
import type { MappedRow } from './mapped-row.ts';
import type { Mapping } from './mapping-schema.ts';
import { type RoundingTally, readAmount } from './read-amount.ts';

/**
 * Each mapped year's cost breakdown, put on the row's finance of that year: every line the
 * mapping lists, in its order, its amount null when the cells are empty. A year with no
 * 予算・決算 but some breakdown amount gets its own finance, so nothing read is dropped; a year
 * where everything is empty gets none. Returns the number of lines read.
 */
export function readFinanceDetails(
  row: MappedRow,
  mapping: Mapping,
  finances: Finance[],
  tally: RoundingTally,
): number {
  let lines = 0;
  for (const f of mapping.finances) {
    if (!f.details || f.details.length === 0) continue;
    const details = f.details.map((d) => ({
      label: d.label,
      kind: d.kind,
      amount: readAmount(row, d.amount, mapping, tally),
    }));
    let finance = finances.find((x) => x.fiscalYear === f.fiscalYear);
    if (!finance) {
      if (details.every((d) => d.amount === null)) continue;
      finance = { fiscalYear: f.fiscalYear, budget: null, settlement: null };
      finances.push(finance);
    }
    finance.details = details;
    lines += details.length;
  }
  // In the mapping's year order, as the years without a breakdown are.
  const order = mapping.finances.map((f) => f.fiscalYear);
  finances.sort((a, b) => order.indexOf(a.fiscalYear) - order.indexOf(b.fiscalYear));
  return lines;
}
