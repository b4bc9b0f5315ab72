import type { Kysely } from 'kysely';
import type { ChangeRecord } from '../../core/change.ts';
import type { DB } from '../schema.ts';

/** Appends one change to the history; called by store writers inside their transaction. */
export async function recordChange(trx: Kysely<DB>, c: ChangeRecord): Promise<void> {
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
