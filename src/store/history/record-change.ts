import type { Kysely } from 'kysely';
import type { ChangeRecord } from '../../core/change.ts';
import type { DB } from '../schema.ts';
import { recordChanges } from './record-changes.ts';

/** Appends one change to the history; called by store writers inside their transaction. */
export async function recordChange(trx: Kysely<DB>, c: ChangeRecord): Promise<void> {
  await recordChanges(trx, [c]);
}
