import type { Kysely } from 'kysely';

/**
 * Published aggregates are now recomputed whenever something they summarise changes (a KPI's
 * target, the status scale, a plan import: src/store/aggregates/fresh-aggregates.ts). Rows written
 * before that kept the figures of the day of publication, so they are dropped: the aggregate
 * store's backfill writes every published year anew on the first read, from the data as it is.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('published_aggregates').execute();
}
