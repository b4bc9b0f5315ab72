import type { Yen } from '../../core/money.ts';
/** Published figures summed over a set of goal rows. */
export interface AggregateFigures {
  projectCount: number;
  projectsWithFigures: number;
  budget: Yen | null;
  settlement: Yen | null;
  kpiCount: number;
  /** KPIs per band of the scale, best first. */
  kpiBands: [number, number, number, number];
  kpiNoActual: number;
  kpiAchieved: number;
}

/**
 * One basic goal's published figures of a year, as stored in the JSON column `goals` of
 * published_aggregates. Position -1 holds KPIs placed under no basic goal.
 */
export interface GoalFigures extends AggregateFigures {
  position: number;
  title: string;
}
