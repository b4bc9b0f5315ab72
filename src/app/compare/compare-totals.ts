import { sumAmounts, type Yen } from '../../core/money.ts';
import type { AggregateFigures } from '../../store/aggregates/aggregate-store.ts';

/** Figures of many rows added up: counts summed, amounts summed over those present. */
export function sumFigures(rows: readonly AggregateFigures[]): AggregateFigures {
  const count = (pick: (r: AggregateFigures) => number) =>
    rows.reduce((sum, r) => sum + pick(r), 0);
  const amount = (pick: (r: AggregateFigures) => Yen | null) => sumAmounts(rows.map(pick));
  return {
    projectCount: count((r) => r.projectCount),
    projectsWithFigures: count((r) => r.projectsWithFigures),
    budget: amount((r) => r.budget),
    settlement: amount((r) => r.settlement),
    kpiCount: count((r) => r.kpiCount),
    kpiBands: [0, 1, 2, 3].map((i) => count((r) => r.kpiBands[i] ?? 0)) as [
      number,
      number,
      number,
      number,
    ],
    kpiNoActual: count((r) => r.kpiNoActual),
    kpiAchieved: count((r) => r.kpiAchieved),
  };
}
