import type { Kysely } from 'kysely';

/**
 * Pre-aggregated published figures for the cross-municipality view (issue 11): one row per
 * plan, published fiscal year and basic goal, and one per plan and year (the goals summed),
 * written inside the publish transaction and removed on withdrawal, so comparing 1,788
 * municipalities reads 1,788 small rows instead of every project. Each row carries what the
 * view filters on (year, prefecture code, municipality kind), indexed. Years published before this migration are filled in by
 * the aggregate store's backfill on first read (it needs core's KPI rules, not just SQL).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function up(db: Kysely<any>): Promise<void> {
  await createTable(db, 'published_aggregates', true);
  await createTable(db, 'published_plan_aggregates', false);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
async function createTable(db: Kysely<any>, name: string, perGoal: boolean): Promise<void> {
  let table = db.schema
    .createTable(name)
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
    .addColumn('kpi_achieved', 'integer', (c) => c.notNull());
  if (perGoal) {
    table = table
      .addColumn('goal_position', 'integer', (c) => c.notNull())
      .addColumn('goal_title', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${name}_pk`, ['plan_id', 'fiscal_year', 'goal_position']);
  } else {
    table = table.addPrimaryKeyConstraint(`${name}_pk`, ['plan_id', 'fiscal_year']);
  }
  await table.execute();
  // The view asks by year (whole country), by year and prefecture, and by prefecture (every year).
  await db.schema
    .createIndex(`${name}_year_prefecture`)
    .on(name)
    .columns(['fiscal_year', 'prefecture_code', 'municipality_code'])
    .execute();
  await db.schema
    .createIndex(`${name}_prefecture`)
    .on(name)
    .columns(['prefecture_code', 'fiscal_year'])
    .execute();
}
