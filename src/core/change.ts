/**
 * What a recorded change touched (the history). Restoring writes `before` back to the same
 * target. Every writer records one inside the write's own transaction.
 */
export type ChangeTarget =
  | { type: 'finance'; field: 'budget' | 'settlement' }
  /** A project's cost breakdown of the record's fiscal year (its FinanceDetail lines). */
  | { type: 'finance-details' }
  | { type: 'activities' }
  | { type: 'project-status' }
  | { type: 'year-status' }
  /** A KPI's definition (created: before null; deleted: after null). */
  | { type: 'kpi'; kpiId: number }
  /** A KPI's actual of the record's fiscal year. */
  | { type: 'kpi-actual'; kpiId: number }
  /** A project's 事業効果 and 今後の方針 of the record's fiscal year. */
  | { type: 'evaluation' }
  /** A comment on a project's evaluation. */
  | { type: 'evaluation-comment'; commentId: number }
  /** The committee's analysis text of the record's fiscal year for one scope (`plan`, `node-ID`). */
  | { type: 'analysis'; scope: string }
  /** A figure of a result (issue 12) a person confirmed or corrected: entry and 0-based place. */
  | { type: 'metric'; entryId: number; position: number };

/** Where a change came from. */
export type ChangeOrigin = 'web' | 'api' | 'import' | 'restore' | 'workflow' | 'cli';

export interface ChangeRecord {
  municipalityCode: string;
  planId: number;
  projectId: number | null;
  fiscalYear: number | null;
  target: ChangeTarget;
  before: unknown;
  after: unknown;
  userId: number | null;
  origin: ChangeOrigin;
  at: string;
}
