import type { FiscalYear } from './fiscal-year.ts';

/**
 * KPIs (issue #4): a basic goal's 数値目標, a measure's KPI or a project's 事業KPI. Values are
 * plain numbers in the KPI's unit (人, 件, %, 円…), not money: KPI values can be fractional.
 */
export type KpiScope = 'goal' | 'measure' | 'project';
export type KpiDirection = 'higher' | 'lower';
/** annual: each year's value stands alone; cumulative: yearly actuals add up over the plan. */
export type KpiKind = 'annual' | 'cumulative';
/** 活動指標 (what was done: アウトプット) or 成果指標 (what changed: アウトカム). */
export type KpiCategory = 'activity' | 'outcome';

export interface KpiDefinition {
  name: string;
  unit: string;
  direction: KpiDirection;
  kind: KpiKind;
  baseline: { value: number; fiscalYear: FiscalYear } | null;
  /** The final target; null when the source names the indicator without one (imported as is). */
  target: { value: number; fiscalYear: FiscalYear } | null;
  /** Optional targets for single years (多摩市 pro-rates: 20%, 40%, …). */
  yearTargets: { fiscalYear: FiscalYear; value: number }[];
  /** 活動指標 or 成果指標 where the source says; absent or null when it does not. */
  category?: KpiCategory | null;
}

export interface KpiActual {
  fiscalYear: FiscalYear;
  value: number;
  /** The date the figure was taken (`R3.3.31` → 2021-03-31), ISO. */
  asOf: string | null;
  /** Where the figure comes from (統計, 事業実績, …). */
  source: string | null;
}

export interface Achievement {
  /** The value compared: the year's actual, or for a cumulative KPI the sum up to that year. */
  actual: number | null;
  /** null when the KPI has no target for that year (and no final target). */
  target: number | null;
  /** 1 = 100 %; null when there is no actual or no target. Computed, never typed. */
  rate: number | null;
}

/** The year cumulative KPIs count from: the year after the baseline, else the plan's first. */
function countFrom(def: KpiDefinition, planFirstYear: FiscalYear): FiscalYear {
  return def.baseline ? def.baseline.fiscalYear + 1 : planFirstYear;
}

export function valueFor(
  def: KpiDefinition,
  actuals: readonly KpiActual[],
  fiscalYear: FiscalYear,
  planFirstYear: FiscalYear,
): number | null {
  const own = actuals.find((a) => a.fiscalYear === fiscalYear);
  if (!own) return null;
  if (def.kind === 'annual') return own.value;
  const from = countFrom(def, planFirstYear);
  return actuals
    .filter((a) => a.fiscalYear >= from && a.fiscalYear <= fiscalYear)
    .reduce((sum, a) => sum + a.value, 0);
}

/**
 * The target for one year: its own when set; a cumulative KPI's final target otherwise pro-rated
 * over the years from its first counted year to the target year; an annual KPI's final target;
 * null for a KPI without a final target and no target of its own for the year.
 */
export function targetFor(
  def: KpiDefinition,
  fiscalYear: FiscalYear,
  planFirstYear: FiscalYear,
): number | null {
  const own = def.yearTargets.find((t) => t.fiscalYear === fiscalYear);
  if (own) return own.value;
  const final = def.target;
  if (!final) return null;
  if (def.kind === 'annual' || fiscalYear >= final.fiscalYear) return final.value;
  const from = countFrom(def, planFirstYear);
  const span = final.fiscalYear - from + 1;
  const done = Math.max(0, fiscalYear - from + 1);
  return span > 0 ? (final.value * done) / span : final.value;
}

/**
 * How far a value has come. Where the target improves on a baseline in the KPI's direction, the
 * rate is progress from baseline to target ((actual − baseline) / (target − baseline)): for a
 * lower-is-better KPI such as 待機児童数, reaching 0 from 10 is 100 %, 5 is 50 %, getting worse
 * is below 0. Otherwise (no baseline, a 維持 target, cumulative counts from zero) it is
 * actual / target, or target / actual when lower is better (0 against a target of 0 is 100 %).
 */
export function rateOf(
  actual: number,
  target: number,
  baseline: number | null,
  direction: KpiDirection,
): number {
  const improves =
    baseline !== null && (direction === 'higher' ? target > baseline : target < baseline);
  if (improves && baseline !== null) return (actual - baseline) / (target - baseline);
  if (direction === 'higher') {
    if (target === 0) return actual >= 0 ? 1 : 0;
    return actual / target;
  }
  if (actual <= 0) return target >= 0 ? 1 : 0;
  return target / actual;
}

function baselineFor(def: KpiDefinition): number | null {
  // A cumulative KPI counts from zero: its baseline is where counting starts, not a level.
  return def.kind === 'cumulative' ? null : (def.baseline?.value ?? null);
}

/** The year's achievement against that year's target. */
export function yearAchievement(
  def: KpiDefinition,
  actuals: readonly KpiActual[],
  fiscalYear: FiscalYear,
  planFirstYear: FiscalYear,
): Achievement {
  const actual = valueFor(def, actuals, fiscalYear, planFirstYear);
  const target = targetFor(def, fiscalYear, planFirstYear);
  return {
    actual,
    target,
    rate: rateOrNull(def, actual, target),
  };
}

function rateOrNull(def: KpiDefinition, actual: number | null, target: number | null) {
  return actual === null || target === null
    ? null
    : rateOf(actual, target, baselineFor(def), def.direction);
}

/** The achievement of the value reached by a year against the final target. */
export function finalAchievement(
  def: KpiDefinition,
  actuals: readonly KpiActual[],
  fiscalYear: FiscalYear,
  planFirstYear: FiscalYear,
): Achievement {
  const actual = valueFor(def, actuals, fiscalYear, planFirstYear);
  const target = def.target?.value ?? null;
  return { actual, target, rate: rateOrNull(def, actual, target) };
}
