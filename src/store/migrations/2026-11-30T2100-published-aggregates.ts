import type { Kysely } from 'kysely';

/**
 * Pre-aggregated published figures for the cross-municipality view (issue 11): one row per
 * plan and published fiscal year, the figures of its basic goals as JSON beside the plan's
 * sums, written inside the publish transaction and removed on withdrawal. Comparing 1,788
 * municipalities, by plan or by goal, reads 1,788 small rows instead of every project. Each row
 * carries what the view filters on (year, prefecture code, municipality kind), indexed. Years
 * published before this migration are filled in by the aggregate store's backfill on first
 * read (it needs core's KPI rules, not just SQL).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('published_aggregates')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('prefecture_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
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
    .addColumn('goals', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_aggregates_pk', ['plan_id', 'fiscal_year'])
    .execute();
  // A year in code order (the whole country streams from this index, no sort), and a
  // prefecture by year (a small set, sorted).
  await db.schema
    .createIndex('published_aggregates_year_code')
    .on('published_aggregates')
    .columns(['fiscal_year', 'municipality_code', 'plan_id'])
    .execute();
  await db.schema
    .createIndex('published_aggregates_prefecture')
    .on('published_aggregates')
    .columns(['prefecture_code', 'fiscal_year'])
    .execute();
}
