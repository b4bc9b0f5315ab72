import type { Kysely } from 'kysely';
import { inTransaction } from '../in-transaction.ts';
import type { DB } from '../schema.ts';

export interface Department {
  id: number;
  name: string;
}

/** A municipality's departments (担当課), named by the plans it imports or by its administrator. */
export function departmentStore(db: Kysely<DB>) {
  return {
    async list(municipalityCode: string): Promise<Department[]> {
      return db
        .selectFrom('departments')
        .select(['id', 'name'])
        .where('municipality_code', '=', municipalityCode)
        .orderBy('name')
        .execute();
    },

    /** The id of the department with this name, added when new. */
    async ensure(municipalityCode: string, name: string): Promise<number> {
      return inTransaction(db, async (trx) => {
        await trx
          .insertInto('departments')
          .values({ municipality_code: municipalityCode, name })
          .onConflict((oc) => oc.columns(['municipality_code', 'name']).doNothing())
          .execute();
        const row = await trx
          .selectFrom('departments')
          .select('id')
          .where('municipality_code', '=', municipalityCode)
          .where('name', '=', name)
          .executeTakeFirstOrThrow();
        return row.id;
      });
    },
  };
}

export type DepartmentStore = ReturnType<typeof departmentStore>;
