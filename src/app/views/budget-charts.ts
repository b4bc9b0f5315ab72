import { type FiscalYear, formatFiscalYear } from '../../core/fiscal-year.ts';
import type { AmountUnit } from '../../core/money.ts';
import type { Plan } from '../../core/plan.ts';
import { totalsOfNode, totalsOfPlan } from '../../core/totals.ts';
import { t } from '../../i18n/translate.ts';
import { type ChartData, COLOURS, type Column, type Series } from './chart-data.ts';

/** Budget vs settlement charts: by basic goal for a year, and by year for the plan. */

function amountColumns(unit: AmountUnit): Column[] {
  return [
    { key: 'budget', label: t('dashboard.column.budget', { unit }), type: 'amount' },
    { key: 'settlement', label: t('dashboard.column.settlement', { unit }), type: 'amount' },
    { key: 'rate', label: t('dashboard.column.rate'), type: 'rate' },
  ];
}

function amountSeries(): Series[] {
  return [
    { key: 'budget', label: t('dashboard.series.budget'), colour: COLOURS.budget },
    { key: 'settlement', label: t('dashboard.series.settlement'), colour: COLOURS.settlement },
  ];
}

/** (a) Budget, settlement and execution rate of each basic goal for one year, the plan's total last. */
export function budgetByGoal(plan: Plan, fiscalYear: FiscalYear): ChartData {
  const unit = plan.amountUnit;
  const total = totalsOfPlan(plan.nodes, fiscalYear);
  return {
    id: 'budget-by-goal',
    kind: 'bars',
    title: t('dashboard.chart.budget-by-goal', {
      fiscalYear: formatFiscalYear(fiscalYear, 'both'),
      unit,
    }),
    note: null,
    amountUnit: unit,
    valueUnit: null,
    columns: [
      { key: 'label', label: plan.plan.levels[0] || t('dashboard.column.goal'), type: 'text' },
      ...amountColumns(unit),
    ],
    rows: plan.nodes.map((node) => {
      const totals = totalsOfNode(node, fiscalYear);
      return {
        label: node.title,
        budget: totals.budget,
        settlement: totals.settlement,
        rate: totals.rate,
      };
    }),
    total: {
      label: t('dashboard.total'),
      budget: total.budget,
      settlement: total.settlement,
      rate: total.rate,
    },
    series: amountSeries(),
  };
}

/** (a) The plan's budget, settlement and execution rate for each year given (those readable). */
export function budgetByYear(plan: Plan, fiscalYears: readonly FiscalYear[]): ChartData {
  const unit = plan.amountUnit;
  return {
    id: 'budget-by-year',
    kind: 'bars',
    title: t('dashboard.chart.budget-by-year', { unit }),
    note: t('dashboard.note.budget-by-year', {
      years: fiscalYears.map((fy) => formatFiscalYear(fy, 'short')).join('、'),
    }),
    amountUnit: unit,
    valueUnit: null,
    columns: [
      { key: 'label', label: t('dashboard.column.fiscal-year'), type: 'text' },
      ...amountColumns(unit),
    ],
    rows: fiscalYears.map((fy) => {
      const totals = totalsOfPlan(plan.nodes, fy);
      return {
        label: formatFiscalYear(fy, 'both'),
        budget: totals.budget,
        settlement: totals.settlement,
        rate: totals.rate,
      };
    }),
    total: null,
    series: amountSeries(),
  };
}
