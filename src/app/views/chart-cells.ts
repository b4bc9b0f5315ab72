import { type AmountUnit, formatAmount, formatRate } from '../../core/money.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import { spreadsheetSafeText } from '../../formats/csv/spreadsheet-safe-text.ts';
import type { Cell, ChartData, Column } from './chart-data.ts';

/** A chart's cells as the table shows them and as the CSV download writes them. */

const VALUE = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });
const COUNT = new Intl.NumberFormat('ja-JP');

/** A cell as the HTML table shows it: amounts in the plan's unit with separators, rates as 74.4%. */
export function cellText(column: Column, value: Cell, unit: AmountUnit): string {
  if (value === null) return NO_VALUE_MARK;
  if (typeof value === 'string') return value;
  switch (column.type) {
    case 'amount':
      return formatAmount(value, unit);
    case 'rate':
      return formatRate(value);
    case 'count':
      return COUNT.format(value);
    default:
      return VALUE.format(value);
  }
}

/** Round to four decimals without an exponent ('33.3333'), for a KPI value in a CSV. */
function plainNumber(value: number): string {
  const rounded = Math.round(value * 10_000) / 10_000;
  return Number.isInteger(rounded)
    ? BigInt(rounded).toString()
    : rounded.toFixed(4).replace(/0+$/, '');
}

/**
 * A cell as the CSV writes it: numbers without separators or units (the header names the unit),
 * rates in percent with one decimal, an empty field for none.
 */
export function cellCsv(column: Column, value: Cell, unit: AmountUnit): string {
  if (value === null) return '';
  if (typeof value === 'string') {
    // Spreadsheet formula injection (OWASP CSV Injection): the same rule as the open data.
    return spreadsheetSafeText(value);
  }
  switch (column.type) {
    case 'amount':
      return formatAmount(value, unit).replaceAll(',', '');
    case 'rate':
      return Number.isFinite(value) ? (value * 100).toFixed(1) : '';
    case 'count':
      return String(value);
    default:
      return plainNumber(value);
  }
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The chart's rows as CSV for Excel: UTF-8 with a BOM, CRLF, Japanese headers, the total last. */
export function toCsv(chart: ChartData): string {
  const rows = chart.total ? [...chart.rows, chart.total] : chart.rows;
  const lines = [
    chart.columns.map((c) => csvField(c.label)),
    ...rows.map((r) =>
      chart.columns.map((c) => csvField(cellCsv(c, r[c.key] ?? null, chart.amountUnit))),
    ),
  ];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

/** Whether the chart has anything to draw: some series value in some row (not all none). */
export function hasData(chart: ChartData): boolean {
  return chart.rows.some((r) =>
    chart.series.some((s) => r[s.key] !== null && r[s.key] !== undefined),
  );
}
