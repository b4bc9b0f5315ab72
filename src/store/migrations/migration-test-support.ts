import type { openDatabase } from '../database.ts';

/** A database opened without the store, as migration tests need it (any schema version). */
type Database = ReturnType<typeof openDatabase>['db'];

/**
 * Test support for migration tests: a municipality and a plan (R2–R6) planted with raw inserts,
 * which every schema version since the first has taken alike. Returns the plan's id.
 */
export async function plantPlan(
  db: Database,
  plan: { code: string; name: string; title: string; kind: string; now: string },
): Promise<number> {
  await db
    .insertInto('municipalities')
    .values({ code: plan.code, name: plan.name, created_at: plan.now })
    .execute();
  const { id } = await db
    .insertInto('plans')
    .values({
      municipality_code: plan.code,
      title: plan.title,
      kind: plan.kind,
      first_fiscal_year: 2020,
      last_fiscal_year: 2024,
      levels: '[]',
      amount_unit: '千円',
      conventions: '{}',
      created_at: plan.now,
      updated_at: plan.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
