import type { Kysely } from 'kysely';

/**
 * Pre-aggregated published figures for the cross-municipality view (issue 11): one row per
 * municipality, plan, published fiscal year and basic goal, written inside the publish
 * transaction and removed on withdrawal, so comparing 1,788 municipalities reads a few thousand
 * small rows instead of every project. Years published before this migration are filled in by
 * the aggregate store's backfill on first read (it needs core's KPI rules, not just SQL).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('published_aggregates')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('goal_position', 'integer', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('prefecture_code', 'text', (c) => c.notNull())
    .addColumn('goal_title', 'text', (c) => c.notNull())
    .addColumn('project_count', 'integer', (c) => c.notNull())
    .addColumn('projects_with_figures', 'integer', (c) => c.notNull())
    .addColumn('budget', 'bigint')
    .addColumn('settlement', 'bigint')
    .addColumn('scale_id', 'text', (c) => c.notNull())
    .addColumn('kpi_count', 'integer', (c) => c.notNull())
    .addColumn('kpi_band_1', 'integer', (c) => c.notNull())
    .addColumn('kpi_band_2', 'integer', (c) => c.notNull())
    .addColumn('kpi_band_3', 'integer', (c) => c.notNull())
    .addColumn('kpi_band_4', 'integer', (c) => c.notNull())
    .addColumn('kpi_no_actual', 'integer', (c) => c.notNull())
    .addColumn('kpi_achieved', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_aggregates_pk', ['plan_id', 'fiscal_year', 'goal_position'])
    .execute();
  await db.schema
    .createIndex('published_aggregates_year_prefecture')
    .on('published_aggregates')
    .columns(['fiscal_year', 'prefecture_code', 'municipality_code'])
    .execute();
  await db.schema
    .createIndex('published_aggregates_prefecture')
    .on('published_aggregates')
    .columns(['prefecture_code', 'fiscal_year'])
    .execute();
}
