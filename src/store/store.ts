import type { Kysely } from 'kysely';
import { type DialectName, openDatabase } from './database.ts';
import { departmentStore } from './departments/department-store.ts';
import { migrateToLatest } from './migrate.ts';
import { municipalityStore } from './municipalities/municipality-store.ts';
import { planStore } from './plans/plan-store.ts';
import type { DB } from './schema.ts';

/**
 * The store: one module per entity, the only code that touches the database. Each module's
 * writes run the rules that protect data (tenant scope, closed years, versions, history) inside
 * their own transaction, or inside the caller's when called from `transaction`.
 */
export function storeModules(db: Kysely<DB>) {
  return {
    departments: departmentStore(db),
    municipalities: municipalityStore(db),
    plans: planStore(db),
  };
}

export type StoreModules = ReturnType<typeof storeModules>;

export interface Store extends StoreModules {
  readonly dialect: DialectName;
  /** Where the data lives, without credentials, for messages. */
  readonly describe: string;
  /**
   * Transitional: the raw database, for code not yet moved into a store module. It goes away
   * when every table has its module (issue 8); lint then keeps kysely inside src/store.
   */
  readonly db: Kysely<DB>;
  /** Runs `fn` in one write transaction: every module `fn` is handed writes inside it. */
  transaction<T>(fn: (tx: StoreModules) => Promise<T>): Promise<T>;
  /** Brings the schema up to date (every start). */
  migrate(): ReturnType<typeof migrateToLatest>;
  close(): Promise<void>;
}

export function openStore(url: string | undefined): Store {
  const { db, dialect, describe } = openDatabase(url);
  return {
    ...storeModules(db),
    dialect,
    describe,
    db,
    transaction: (fn) => db.transaction().execute((trx) => fn(storeModules(trx))),
    migrate: () => migrateToLatest(db),
    close: () => db.destroy(),
  };
}
