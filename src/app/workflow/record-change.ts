import type { Transaction } from 'kysely';
import type { DB } from '../../store/schema.ts';

/** What a change touched; restoring writes `before` back to the same target. */
export type ChangeTarget =
  | { type: 'finance'; field: 'budget' | 'settlement' }
  | { type: 'activities' }
  | { type: 'project-status' }
  | { type: 'year-status' };

export interface ChangeRecord {
  municipalityCode: string;
  planId: number;
  projectId: number | null;
  fiscalYear: number | null;
  target: ChangeTarget;
  before: unknown;
  after: unknown;
  userId: number | null;
  origin: 'web' | 'api' | 'import' | 'restore' | 'workflow';
  at: string;
}

export async function recordChange(trx: Transaction<DB>, c: ChangeRecord): Promise<void> {
  await trx
    .insertInto('changes')
    .values({
      municipality_code: c.municipalityCode,
      plan_id: c.planId,
      project_id: c.projectId,
      fiscal_year: c.fiscalYear,
      target: JSON.stringify(c.target),
      before: c.before === undefined ? null : JSON.stringify(c.before),
      after: c.after === undefined ? null : JSON.stringify(c.after),
      user_id: c.userId,
      origin: c.origin,
      at: c.at,
    })
    .execute();
}
