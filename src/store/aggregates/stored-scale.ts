import type { Kysely } from 'kysely';
import {
  BUILT_IN_SCALES,
  NATIONAL_SCALE,
  type StatusScale,
  withThresholds,
} from '../../core/status-scale.ts';
import type { DB } from '../schema.ts';

/**
 * The municipality's status scale with its thresholds, read inside the caller's transaction.
 * The same resolution as the app's loadSettings (the national scale when none is set), repeated
 * here because the publish transaction, not a use case, writes the aggregates.
 */
export async function storedScale(db: Kysely<DB>, code: string): Promise<StatusScale> {
  const row = await db
    .selectFrom('municipality_settings')
    .select(['scale_id', 'thresholds'])
    .where('municipality_code', '=', code)
    .executeTakeFirst();
  if (!row) return NATIONAL_SCALE;
  const base = BUILT_IN_SCALES.find((s) => s.id === row.scale_id) ?? NATIONAL_SCALE;
  return row.thresholds
    ? withThresholds(base, JSON.parse(row.thresholds) as (number | null)[])
    : base;
}
