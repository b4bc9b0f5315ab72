import type { Kysely } from 'kysely';
import type { ChangeRecord } from '../../core/change.ts';
import type { DB } from '../schema.ts';

/** Rows per insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/**
 * Appends many changes to the history in multi-row inserts (a batch writer such as an import
 * records thousands at once); the same rows as recordChange, inside the caller's transaction.
 */
export async function recordChanges(trx: Kysely<DB>, cs: readonly ChangeRecord[]): Promise<void> {
  for (let i = 0; i < cs.length; i += CHUNK) {
    await trx
      .insertInto('changes')
      .values(
        cs.slice(i, i + CHUNK).map((c) => ({
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
        })),
      )
      .execute();
  }
}
