import { type FiscalYear, formatFiscalYear } from '../../core/fiscal-year.ts';
import {
  type KpiActual,
  type KpiDefinition,
  targetFor,
  valueFor,
  yearAchievement,
} from '../../core/kpi.ts';
import type { Plan } from '../../core/plan.ts';
import { bandFor, type StatusScale } from '../../core/status-scale.ts';
import { t } from '../../i18n/translate.ts';
import { bandColours, type ChartData, COLOURS, type Column, type Row } from './chart-data.ts';

/** KPI charts: achievement by basic goal in the status bands, and one KPI's trend. */

/** A KPI as the dashboard needs it: its definition, actuals, and the basic goal it belongs to. */
export interface DashboardKpi {
  id: number;
  /** Index of its basic goal in plan.nodes; null when it cannot be placed. */
  goalIndex: number | null;
  definition: KpiDefinition;
  actuals: KpiActual[];
}

/**
 * (c) For each basic goal, how many of its KPIs (goal, measure and project KPIs under it) fall in
 * each band of the municipality's scale by the year's achievement (against that year's target),
 * and how many have no actual for the year.
 */
export function kpiBands(
  plan: Plan,
  kpis: readonly DashboardKpi[],
  fiscalYear: FiscalYear,
  scale: StatusScale,
): ChartData {
  const colours = bandColours(scale);
  const bandKeys = scale.bands.map((_, i) => `band${i}`);
  const goals = plan.nodes.map((n) => n.title);
  const placed = (k: DashboardKpi) =>
    k.goalIndex !== null && k.goalIndex >= 0 && k.goalIndex < goals.length;
  const labels = kpis.some((k) => !placed(k)) ? [...goals, t('dashboard.other-goal')] : goals;
  const empty = (label: string): Row => ({
    label,
    ...Object.fromEntries(bandKeys.map((key) => [key, 0])),
    none: 0,
    total: 0,
  });
  const rows = labels.map(empty);
  const total = empty(t('dashboard.total'));
  for (const k of kpis) {
    const row = rows[placed(k) ? (k.goalIndex as number) : goals.length] as Row;
    const { rate } = yearAchievement(
      k.definition,
      k.actuals,
      fiscalYear,
      plan.plan.firstFiscalYear,
    );
    const band = bandFor(rate, scale);
    const key = band ? (bandKeys[scale.bands.indexOf(band)] ?? 'none') : 'none';
    for (const r of [row, total]) {
      r[key] = (r[key] as number) + 1;
      r.total = (r.total as number) + 1;
    }
  }
  return {
    id: 'kpi-bands',
    kind: 'stacked',
    title: t('dashboard.chart.kpi-bands', {
      fiscalYear: formatFiscalYear(fiscalYear, 'both'),
      scale: scale.name,
    }),
    note: t('dashboard.note.kpi-bands', { scale: scale.name }),
    amountUnit: plan.amountUnit,
    valueUnit: null,
    columns: [
      { key: 'label', label: plan.plan.levels[0] || t('dashboard.column.goal'), type: 'text' },
      ...scale.bands.map(
        (b, i): Column => ({
          key: bandKeys[i] as string,
          label: t('dashboard.column.band', { band: b.label }),
          type: 'count',
        }),
      ),
      { key: 'none', label: t('dashboard.column.no-actual'), type: 'count' },
      { key: 'total', label: t('dashboard.column.kpi-total'), type: 'count' },
    ],
    rows,
    total,
    series: [
      ...scale.bands.map((b, i) => ({
        key: bandKeys[i] as string,
        label: b.label,
        colour: colours[i] as string,
      })),
      { key: 'none', label: t('dashboard.series.no-actual'), colour: COLOURS.none },
    ],
  };
}

/**
 * (d) One KPI from its baseline year to its target year (and the plan's last year, and any later
 * actual): the baseline, each year's target (its own, or the final one, pro-rated for a cumulative
 * KPI: the rule achievement uses), the actual (a cumulative KPI's running sum) and the year's
 * achievement.
 */
export function kpiTrend(plan: Plan, kpi: DashboardKpi): ChartData {
  const def = kpi.definition;
  const first = plan.plan.firstFiscalYear;
  const from = Math.min(def.baseline?.fiscalYear ?? first, first);
  const targetYear = def.target?.fiscalYear ?? plan.plan.lastFiscalYear;
  const to = Math.max(
    targetYear,
    plan.plan.lastFiscalYear,
    ...kpi.actuals.map((a) => a.fiscalYear),
  );
  // Targets start with the first year counted: after the baseline, else the plan's first year.
  const targetsFrom = def.baseline ? def.baseline.fiscalYear + 1 : first;
  const rows: Row[] = [];
  for (let fy = from; fy <= to; fy++) {
    const achievement = yearAchievement(def, kpi.actuals, fy, first);
    rows.push({
      label: formatFiscalYear(fy, 'both'),
      baseline: def.baseline?.fiscalYear === fy ? def.baseline.value : null,
      target: fy >= targetsFrom && fy <= targetYear ? targetFor(def, fy, first) : null,
      actual: valueFor(def, kpi.actuals, fy, first),
      rate: achievement.rate,
    });
  }
  const unit = def.unit;
  return {
    id: 'kpi-trend',
    kind: 'trend',
    title: t('dashboard.chart.kpi-trend', { name: def.name, unit }),
    note: def.kind === 'cumulative' ? t('dashboard.note.kpi-trend') : null,
    amountUnit: plan.amountUnit,
    valueUnit: unit,
    columns: [
      { key: 'label', label: t('dashboard.column.fiscal-year'), type: 'text' },
      { key: 'baseline', label: t('dashboard.column.baseline', { unit }), type: 'value' },
      { key: 'target', label: t('dashboard.column.target', { unit }), type: 'value' },
      { key: 'actual', label: t('dashboard.column.actual', { unit }), type: 'value' },
      { key: 'rate', label: t('dashboard.column.achievement'), type: 'rate' },
    ],
    rows,
    total: null,
    series: [
      { key: 'baseline', label: t('dashboard.series.baseline'), colour: COLOURS.baseline },
      { key: 'target', label: t('dashboard.series.target'), colour: COLOURS.target },
      { key: 'actual', label: t('dashboard.series.actual'), colour: COLOURS.actual },
    ],
  };
}
