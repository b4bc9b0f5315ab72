import type { Kysely } from 'kysely';
import type { Municipality } from '../../core/plan.ts';
import { inTransaction } from '../in-transaction.ts';
import type { DB } from '../schema.ts';

/** Municipalities: the one place that looks one up by its 全国地方公共団体コード. */
export function municipalityStore(db: Kysely<DB>) {
  return {
    async find(code: string): Promise<Municipality | undefined> {
      return db
        .selectFrom('municipalities')
        .select(['code', 'name'])
        .where('code', '=', code)
        .executeTakeFirst();
    },

    /** Municipalities with at least one published fiscal year, by code. */
    async listPublishing(): Promise<Municipality[]> {
      return db
        .selectFrom('municipalities')
        .select(['code', 'name'])
        .where('code', 'in', (eb) =>
          eb.selectFrom('plan_years').select('municipality_code').where('status', '=', 'published'),
        )
        .orderBy('code')
        .execute();
    },

    async hasPublished(code: string): Promise<boolean> {
      const row = await db
        .selectFrom('plan_years')
        .select('plan_id')
        .where('municipality_code', '=', code)
        .where('status', '=', 'published')
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Adds the municipality when it is new; an existing one keeps its name. */
    async ensure(municipality: Municipality, now: string): Promise<void> {
      await inTransaction(db, (trx) =>
        trx
          .insertInto('municipalities')
          .values({ code: municipality.code, name: municipality.name, created_at: now })
          .onConflict((oc) => oc.column('code').doNothing())
          .execute(),
      );
    },
  };
}

export type MunicipalityStore = ReturnType<typeof municipalityStore>;
