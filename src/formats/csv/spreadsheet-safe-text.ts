/**
 * Text a spreadsheet shows as text (OWASP "CSV Injection"): Excel runs a cell that starts with
 * = + - @ (also their full-width forms, which Japanese input methods type and Excel reads as the
 * same operators), a tab or a carriage return as a formula, e.g. `=HYPERLINK("http://…","click")`.
 * Such a cell gets a leading single quote, which Excel shows as text. Plain numbers (-123, -1.5,
 * -1,234) are left alone so they stay numbers; they cannot hold a formula.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

export function spreadsheetSafeText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
