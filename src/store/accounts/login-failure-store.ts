import type { Kysely } from 'kysely';
import { inTransaction } from '../in-transaction.ts';
import type { DB } from '../schema.ts';

/**
 * Failed logins for throttling, keyed `email:…` or `ip:…`. Not tied to a municipality: an
 * unknown email has none, and the address is everybody's.
 */
export function loginFailureStore(db: Kysely<DB>) {
  return {
    /** Failures for `key` after `since`. */
    async count(key: string, since: string): Promise<number> {
      const row = await db
        .selectFrom('login_failures')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('key', '=', key)
        .where('at', '>', since)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async record(keys: readonly string[], at: string): Promise<void> {
      if (keys.length === 0) return;
      await inTransaction(db, (trx) =>
        trx
          .insertInto('login_failures')
          .values(keys.map((key) => ({ key, at })))
          .execute(),
      );
    },

    async clear(key: string): Promise<void> {
      await inTransaction(db, (trx) =>
        trx.deleteFrom('login_failures').where('key', '=', key).execute(),
      );
    },
  };
}

export type LoginFailureStore = ReturnType<typeof loginFailureStore>;
