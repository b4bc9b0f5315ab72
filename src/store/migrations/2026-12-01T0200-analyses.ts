import type { Kysely } from 'kysely';

/**
 * The committee's written analysis (効果検証, issue 12): one text per plan, fiscal year and scope
 * (`plan` or `node-ID` for a basic goal or a measure), as 企画課 edited and approved it. `basis`
 * is the generated draft the text was last written from, so a newer draft can be offered beside
 * it instead of overwriting it. Keyed by municipality first (migration 2026-11-30T2200).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('analyses')
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'integer')
    .addPrimaryKeyConstraint('analyses_pk', [
      'municipality_code',
      'plan_id',
      'fiscal_year',
      'scope',
    ])
    .execute();
}
