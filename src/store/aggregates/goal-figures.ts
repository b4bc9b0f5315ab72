import type { Yen } from '../../core/money.ts';

/**
 * One basic goal's published figures of a year, as stored in the JSON column `goals` of
 * published_aggregates. Position -1 holds KPIs placed under no basic goal.
 */
export interface GoalFigures {
  position: number;
  title: string;
  projectCount: number;
  projectsWithFigures: number;
  budget: Yen | null;
  settlement: Yen | null;
  kpiCount: number;
  kpiBands: [number, number, number, number];
  kpiNoActual: number;
  kpiAchieved: number;
}
