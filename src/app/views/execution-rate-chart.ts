import { type FiscalYear, formatFiscalYear } from '../../core/fiscal-year.ts';
import type { Yen } from '../../core/money.ts';
import { allProjects, financeFor, type Plan } from '../../core/plan.ts';
import { t } from '../../i18n/translate.ts';
import { type ChartData, COLOURS } from './chart-data.ts';

/** The distribution of projects' execution rates (決算/予算) in bands. */

export const RATE_BINS = [
  'zero',
  'under-50',
  'under-80',
  'to-100',
  'to-120',
  'over-120',
  'no-budget',
  'no-settlement',
] as const;
export type RateBin = (typeof RATE_BINS)[number];

/** settlement × 100 compared with budget × percent, exactly (integers, no float rounding). */
function compare(settlement: Yen, budget: Yen, percent: number): number {
  const left = BigInt(settlement) * 100n;
  const right = BigInt(budget) * BigInt(percent);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The band of a project's execution rate: 0 %, above 0 and below 50 %, 50 % up to below 80 %,
 * 80 % up to 100 % inclusive (spent as planned), above 100 % up to 120 %, above 120 %; no budget
 * (none, or 0) and, for a budget without a settlement yet, no settlement.
 */
export function rateBin(budget: Yen | null, settlement: Yen | null): RateBin {
  if (budget === null || budget <= 0) return 'no-budget';
  if (settlement === null) return 'no-settlement';
  if (settlement <= 0) return 'zero';
  if (compare(settlement, budget, 50) < 0) return 'under-50';
  if (compare(settlement, budget, 80) < 0) return 'under-80';
  if (compare(settlement, budget, 100) <= 0) return 'to-100';
  if (compare(settlement, budget, 120) <= 0) return 'to-120';
  return 'over-120';
}

/** (b) How many projects fall in each band of execution rate for one year, with their numbers. */
export function executionRates(plan: Plan, fiscalYear: FiscalYear): ChartData {
  const byBin = new Map<RateBin, string[]>(RATE_BINS.map((b) => [b, []]));
  const projects = allProjects(plan);
  for (const p of projects) {
    const f = financeFor(p, fiscalYear);
    byBin.get(rateBin(f?.budget ?? null, f?.settlement ?? null))?.push(p.no);
  }
  return {
    id: 'execution-rates',
    kind: 'histogram',
    title: t('dashboard.chart.execution-rates', {
      fiscalYear: formatFiscalYear(fiscalYear, 'both'),
    }),
    note: null,
    amountUnit: plan.amountUnit,
    valueUnit: null,
    columns: [
      { key: 'label', label: t('dashboard.column.bin'), type: 'text' },
      { key: 'count', label: t('dashboard.column.count'), type: 'count' },
      { key: 'projects', label: t('dashboard.column.projects'), type: 'text' },
    ],
    rows: RATE_BINS.map((bin) => {
      const nos = byBin.get(bin) ?? [];
      return { label: t(`dashboard.bin.${bin}`), count: nos.length, projects: nos.join('、') };
    }),
    total: { label: t('dashboard.total'), count: projects.length, projects: null },
    series: [{ key: 'count', label: t('dashboard.series.count'), colour: COLOURS.count }],
  };
}
