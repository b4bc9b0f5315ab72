import { type Kysely, sql } from 'kysely';

/**
 * What city workbooks hold beyond 予算・決算 (issue 10): flags on a project (総合戦略 ○) as its
 * tags, and a year's cost breakdown (funding sources, 人件費, トータルコスト) as finance details,
 * one row per line in the order the source lists them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('projects')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createTable('project_finance_details')
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('source', 'staff', 'total', 'other')`),
    )
    .addColumn('amount', 'bigint')
    .addPrimaryKeyConstraint('project_finance_details_pk', [
      'project_id',
      'fiscal_year',
      'position',
    ])
    .execute();
  await db.schema
    .createIndex('project_finance_details_municipality_year')
    .on('project_finance_details')
    .columns(['municipality_code', 'fiscal_year'])
    .execute();
}
