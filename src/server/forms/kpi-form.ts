import type { KpiRecord } from '../../app/kpi/kpi-records.ts';
import { type KpiActualInput, type KpiInput, KpiInputSchema } from '../../app/kpi/save-kpi.ts';
import { type FiscalYear, formatFiscalYear, parseFiscalYear } from '../../core/fiscal-year.ts';
import type { KpiScope } from '../../core/kpi.ts';
import { parseAsOfDate, parseKpiNumber } from '../../core/kpi-input.ts';
import { parseIsoDate } from '../../core/plain-date.ts';
import { formatWarekiDate } from '../../core/wareki-date.ts';
import { type FormBody, field } from '../form-body.ts';

/**
 * The KPI forms as typed: every field is kept as text, so a form with errors shows exactly what
 * was typed. Numbers accept full-width digits and commas, years R3 / 令和3年度 / 2021, dates
 * 2021-03-31 / R3.3.31 / 令和3年3月31日. Errors are catalogue keys by field name.
 */
export interface KpiFormState {
  name: string;
  unit: string;
  direction: string;
  kind: string;
  baselineValue: string;
  baselineYear: string;
  targetValue: string;
  targetYear: string;
  /** Year targets by fiscal year, as typed ('' for none). */
  yearTargets: Record<number, string>;
}

export type FieldErrors = Record<string, string>;

export const targetField = (fy: FiscalYear) => `target_${fy}`;

const numberText = (v: number) => String(v);
const yearText = (fy: number) => formatFiscalYear(fy, 'short');

export function emptyKpiForm(): KpiFormState {
  return {
    name: '',
    unit: '',
    direction: 'higher',
    kind: 'annual',
    baselineValue: '',
    baselineYear: '',
    targetValue: '',
    targetYear: '',
    yearTargets: {},
  };
}

export function kpiFormOf(record: KpiRecord): KpiFormState {
  const d = record.definition;
  return {
    name: d.name,
    unit: d.unit,
    direction: d.direction,
    kind: d.kind,
    baselineValue: d.baseline ? numberText(d.baseline.value) : '',
    baselineYear: d.baseline ? yearText(d.baseline.fiscalYear) : '',
    targetValue: d.target ? numberText(d.target.value) : '',
    targetYear: d.target ? yearText(d.target.fiscalYear) : '',
    yearTargets: Object.fromEntries(d.yearTargets.map((y) => [y.fiscalYear, numberText(y.value)])),
  };
}

export function readKpiForm(body: FormBody, years: readonly FiscalYear[]): KpiFormState {
  return {
    name: field(body, 'name'),
    unit: field(body, 'unit'),
    direction: field(body, 'direction'),
    kind: field(body, 'kind'),
    baselineValue: field(body, 'baselineValue'),
    baselineYear: field(body, 'baselineYear'),
    targetValue: field(body, 'targetValue'),
    targetYear: field(body, 'targetYear'),
    yearTargets: Object.fromEntries(years.map((fy) => [fy, field(body, targetField(fy))])),
  };
}

const SCHEMA_FIELDS: Record<string, string> = {
  name: 'name',
  unit: 'unit',
  direction: 'direction',
  kind: 'kind',
  baselineValue: 'baselineValue',
  baselineFiscalYear: 'baselineYear',
  targetValue: 'targetValue',
  targetFiscalYear: 'targetYear',
};

/** The KPI the form describes, or the errors by field (text that cannot be read, rules). */
export function validateKpiForm(
  state: KpiFormState,
  owner: { scope: KpiScope; id: number },
): { ok: true; input: KpiInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const num = (name: string, text: string, required: boolean): number | null => {
    if (text.trim() === '') {
      if (required) errors[name] = 'kpi.error.required';
      return null;
    }
    const v = parseKpiNumber(text);
    if (v === null) errors[name] = 'kpi.error.number';
    return v;
  };
  const year = (name: string, text: string, required: boolean): number | null => {
    if (text.trim() === '') {
      if (required) errors[name] = 'kpi.error.required';
      return null;
    }
    const v = parseFiscalYear(text);
    if (v === null) errors[name] = 'kpi.error.fiscal-year';
    return v;
  };
  const baselineValue = num('baselineValue', state.baselineValue, false);
  const baselineYear = year('baselineYear', state.baselineYear, false);
  const targetValue = num('targetValue', state.targetValue, true);
  const targetYear = year('targetYear', state.targetYear, true);
  const yearTargets: { fiscalYear: number; value: number }[] = [];
  for (const [fy, text] of Object.entries(state.yearTargets)) {
    const v = num(targetField(Number(fy)), text, false);
    if (v !== null) yearTargets.push({ fiscalYear: Number(fy), value: v });
  }
  const parsed = KpiInputSchema.safeParse({
    scope: owner.scope,
    nodeId: owner.scope === 'project' ? null : owner.id,
    projectId: owner.scope === 'project' ? owner.id : null,
    name: state.name,
    unit: state.unit,
    direction: state.direction,
    kind: state.kind,
    baselineValue,
    baselineFiscalYear: baselineYear,
    // Placeholders where the text already has an error: the schema checks the rest.
    targetValue: targetValue ?? 0,
    targetFiscalYear: targetYear ?? 2000,
    yearTargets,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = SCHEMA_FIELDS[String(issue.path[0])];
      // A baseline pair: point at the half that is missing.
      const at =
        issue.message === 'kpi.error.baseline-pair'
          ? state.baselineValue.trim() === ''
            ? 'baselineValue'
            : 'baselineYear'
          : name;
      if (at && !errors[at]) errors[at] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) {
    if (Object.keys(errors).length === 0) errors.name = 'kpi.error.summary';
    return { ok: false, errors };
  }
  return { ok: true, input: parsed.data };
}

export interface ActualFormState {
  value: string;
  asOf: string;
  source: string;
}

export function actualFormOf(
  actual: { value: number; asOf: string | null; source: string | null } | null,
): ActualFormState {
  if (!actual) return { value: '', asOf: '', source: '' };
  const iso = actual.asOf ? parseIsoDate(actual.asOf) : null;
  return {
    value: numberText(actual.value),
    asOf: iso ? formatWarekiDate(iso, 'short') : (actual.asOf ?? ''),
    source: actual.source ?? '',
  };
}

export function readActualForm(body: FormBody): ActualFormState {
  return { value: field(body, 'value'), asOf: field(body, 'asOf'), source: field(body, 'source') };
}

export function validateActualForm(
  state: ActualFormState,
  fiscalYear: FiscalYear,
): { ok: true; input: KpiActualInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let value: number | null = null;
  if (state.value.trim() === '') errors.value = 'kpi.error.required';
  else {
    value = parseKpiNumber(state.value);
    if (value === null) errors.value = 'kpi.error.number';
  }
  let asOf: string | null = null;
  if (state.asOf.trim() !== '') {
    asOf = parseAsOfDate(state.asOf);
    if (asOf === null) errors.asOf = 'kpi.error.date';
  }
  const source = state.source.trim();
  if (source.length > 500) errors.source = 'kpi.error.too-long';
  if (Object.keys(errors).length > 0 || value === null) return { ok: false, errors };
  return { ok: true, input: { fiscalYear, value, asOf, source: source === '' ? null : source } };
}
