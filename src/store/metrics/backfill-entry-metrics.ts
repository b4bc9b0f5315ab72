import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { READER_VERSION } from './reader-version.ts';
import { syncEntryMetrics } from './sync-entry-metrics.ts';

/**
 * Reads the figures of entries stored before figures were (migration 2026-12-01T0100), or read
 * by an earlier version of the reader (reader-version.ts): one anti-join finds the plans
 * concerned, each is read in its own transaction (confirmed figures stay). Run after migrating,
 * so every installation has its figures, and the improved reader's, without an import; a
 * database whose entries are all read by this reader pays the one query.
 */
export async function backfillEntryMetrics(db: Kysely<DB>): Promise<number> {
  const plans = await db
    .selectFrom('activity_entries as e')
    .innerJoin('activities as a', 'a.id', 'e.activity_id')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .leftJoin('entry_readings as r', 'r.entry_id', 'e.id')
    .where((eb) => eb.or([eb('r.entry_id', 'is', null), eb('r.reader', '!=', READER_VERSION)]))
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
