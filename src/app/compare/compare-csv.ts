import { toCsv } from '../../formats/csv/open-data-csv.ts';
import { compareColumns } from './compare-columns.ts';
import type { Comparison } from './load-comparison.ts';

/**
 * The comparison as CSV, the same rows and columns as the page's table: UTF-8, CRLF, amounts in
 * whole yen, missing figures blank; with a BOM (and formulas neutralised) for Excel if asked.
 */
export function comparisonCsv(comparison: Comparison, bom: boolean): string {
  const columns = compareColumns(comparison.query.by);
  return toCsv(
    columns.map((c) => c.label),
    comparison.rows.map((row) => columns.map((c) => c.value(row))),
    bom,
  );
}
