import type { Kysely } from 'kysely';

/**
 * The fiscal year in which an activity or a KPI was added (issue 8): the public sees it only
 * once that year is published. Null for what came with the plan before any year's work.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('activities').addColumn('introduced_in', 'integer').execute();
  await db.schema.alterTable('kpis').addColumn('introduced_in', 'integer').execute();
}
