/**
 * What a recorded change touched (the history). Restoring writes `before` back to the same
 * target. Every writer records one inside the write's own transaction.
 */
export type ChangeTarget =
  | { type: 'finance'; field: 'budget' | 'settlement' }
  | { type: 'activities' }
  | { type: 'project-status' }
  | { type: 'year-status' };

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
