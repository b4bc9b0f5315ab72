import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { syncEntryMetrics } from './sync-entry-metrics.ts';

/**
 * Reads the figures of entries stored before figures were (migration 2026-12-01T0100), or
 * written by a process that had not read them: one anti-join finds the plans concerned, each is
 * read in its own transaction. Run after migrating, so every installation has its figures
 * without an import; a database whose entries all have theirs pays the one query.
 */
export async function backfillEntryMetrics(db: Kysely<DB>): Promise<number> {
  const plans = await db
    .selectFrom('activity_entries as e')
    .innerJoin('activities as a', 'a.id', 'e.activity_id')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .leftJoin('entry_readings as r', 'r.entry_id', 'e.id')
    .where('r.entry_id', 'is', null)
    .select(['p.plan_id', 'p.municipality_code'])
    .distinct()
    .execute();
  for (const plan of plans) {
    await db
      .transaction()
      .execute((trx) => syncEntryMetrics(trx, plan.municipality_code, { planId: plan.plan_id }));
  }
  return plans.length;
}
