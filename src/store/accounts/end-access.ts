import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/**
 * Ends everything that lets an account act: its sessions and its API tokens. Called inside the
 * transaction of a credential change (new password, disabled account), so a change never
 * commits while an old session or token still works (the web signs the person in afresh after
 * changing their own password).
 */
export async function endAccess(
  trx: Kysely<DB>,
  user: { municipalityCode: string; userId: number },
  now: string,
): Promise<void> {
  await trx.deleteFrom('sessions').where('user_id', '=', user.userId).execute();
  await trx
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', user.userId)
    .where('municipality_code', '=', user.municipalityCode)
    .where('revoked_at', 'is', null)
    .execute();
}
