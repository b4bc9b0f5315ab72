import type { Finding } from '../core/finding.ts';
import { formatFiscalYear } from '../core/fiscal-year.ts';
import { type AmountUnit, formatAmount } from '../core/money.ts';
import type { PlanChange } from '../core/plan-diff.ts';
import { hasMessage, type Params, t } from './translate.ts';

const AMOUNT_PARAMS = new Set(['budget', 'settlement', 'stated', 'computed', 'before', 'after']);

/** Parameters as a person reads them: amounts in the table's unit, years as 令和2年度. */
function humanParams(params: Params, unit: AmountUnit): Params {
  const out: Params = { ...params };
  for (const [key, value] of Object.entries(params)) {
    if (AMOUNT_PARAMS.has(key) && (typeof value === 'number' || value === null)) {
      out[key] = `${formatAmount(value, unit)}${value === null ? '' : ` ${unit}`}`;
    }
    if (key === 'fiscalYear' && typeof value === 'number')
      out[key] = formatFiscalYear(value, 'both');
    if (key === 'field' && (value === 'budget' || value === 'settlement'))
      out[key] = t(`word.${value}`);
  }
  return out;
}

export function formatLocation(f: Finding): string {
  const l = f.location ?? {};
  const parts: string[] = [];
  if (l.file) parts.push(l.file);
  if (l.sheet) parts.push(l.sheet);
  if (l.cell) parts.push(l.cell);
  if (l.path) parts.push(l.path);
  if (l.line !== undefined) parts.push(t('word.line', { line: l.line }));
  if (l.column !== undefined) {
    parts.push(
      t('word.column', { column: l.column }) + (l.columnName ? `（${l.columnName}）` : ''),
    );
  } else if (l.columnName) {
    parts.push(l.columnName);
  }
  if (l.projectNo !== undefined) parts.push(t('word.project', { no: l.projectNo }));
  if (l.fiscalYear !== undefined && l.line === undefined) {
    parts.push(formatFiscalYear(l.fiscalYear, 'both'));
  }
  return parts.join(' ');
}

/** What a finding says, without its severity and location (pages show those apart). */
export function findingMessage(f: Finding, unit: AmountUnit = '千円'): string {
  const params = humanParams({ ...f.params, unit }, unit);
  let text = t(f.code, params);
  if (f.expected !== undefined) {
    const key = `expected.${f.expected}`;
    text += `。${t('word.expected')}: ${hasMessage(key) ? t(key, params) : f.expected}`;
  }
  if (f.found) text += ` ${t('word.found')}: 「${f.found}」`;
  return text;
}

/** One line per finding: severity, where, what, and what was expected and found. */
export function formatFinding(f: Finding, unit: AmountUnit = '千円'): string {
  return `${t(`word.${f.severity}`)} ${formatLocation(f)}: ${findingMessage(f, unit)}`;
}

export function formatChange(change: PlanChange, unit: AmountUnit = '千円'): string {
  const { kind, ...params } = change;
  return t(`change.${kind}`, humanParams(params as Params, unit));
}
