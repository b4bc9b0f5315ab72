import { type Achievement, type KpiDefinition, yearAchievement } from '../../core/kpi.ts';
import { bandFor, type StatusBand, type StatusScale } from '../../core/status-scale.ts';
import type { KpiRecord } from '../kpi/kpi-records.ts';

export interface KpiAchievementRow {
  id: number;
  definition: KpiDefinition;
  achievement: Achievement;
  band: StatusBand | null;
}

/** The KPI-based suggestion for 事業効果: a hint beside the form, the committee decides. */
export interface EffectHint {
  kpis: KpiAchievementRow[];
  /** The lowest rate among the project's KPIs with an actual for the year; null when none. */
  rate: number | null;
  band: StatusBand | null;
}

/**
 * A project's KPIs for one year: each one's achievement against that year's target and its band
 * on the municipality's scale. The suggestion takes the lowest rate: on the national form
 * 「非常に効果的であった」 means the KPIs were achieved, so one KPI far behind must not be hidden
 * by another far ahead (an average would). KPIs without an actual for the year are left out.
 */
export function effectHint(
  kpis: readonly KpiRecord[],
  projectId: number,
  fiscalYear: number,
  planFirstYear: number,
  scale: StatusScale,
): EffectHint {
  const rows = kpis
    .filter((k) => k.scope === 'project' && k.projectId === projectId)
    .map((k) => {
      const achievement = yearAchievement(k.definition, k.actuals, fiscalYear, planFirstYear);
      return {
        id: k.id,
        definition: k.definition,
        achievement,
        band: bandFor(achievement.rate, scale),
      };
    });
  const rates = rows
    .map((r) => r.achievement.rate)
    .filter((r): r is number => r !== null && Number.isFinite(r));
  const rate = rates.length > 0 ? Math.min(...rates) : null;
  return { kpis: rows, rate, band: bandFor(rate, scale) };
}
