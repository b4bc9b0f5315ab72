import type { Kysely } from 'kysely';
import { serialType } from '../database.ts';

/** KPIs with targets and actuals, the committee's evaluation and comments, per-city settings (#4). */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function up(db: Kysely<any>): Promise<void> {
  const id = serialType(db);
  await db.schema
    .createTable('kpis')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('node_id', 'integer', (c) => c.references('plan_nodes.id').onDelete('cascade'))
    .addColumn('project_id', 'integer', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('baseline_value', 'double precision')
    .addColumn('baseline_fiscal_year', 'integer')
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    .addColumn('target_fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kpis_plan')
    .on('kpis')
    .columns(['municipality_code', 'plan_id'])
    .execute();
  await db.schema
    .createTable('kpi_year_targets')
    .addColumn('kpi_id', 'integer', (c) => c.notNull().references('kpis.id').onDelete('cascade'))
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('kpi_year_targets_pk', ['kpi_id', 'fiscal_year'])
    .execute();
  await db.schema
    .createTable('kpi_actuals')
    .addColumn('kpi_id', 'integer', (c) => c.notNull().references('kpis.id').onDelete('cascade'))
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('as_of', 'text')
    .addColumn('source', 'text')
    .addColumn('entry_id', 'integer', (c) =>
      c.references('activity_entries.id').onDelete('set null'),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('kpi_actuals_pk', ['kpi_id', 'fiscal_year'])
    .execute();
  await db.schema
    .createTable('evaluations')
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('effect', 'text')
    .addColumn('policy', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('evaluations_pk', ['project_id', 'fiscal_year'])
    .execute();
  await db.schema
    .createTable('evaluation_comments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evaluation_comments_project')
    .on('evaluation_comments')
    .columns(['project_id', 'fiscal_year'])
    .execute();
  await db.schema
    .createTable('municipality_settings')
    .addColumn('municipality_code', 'text', (c) => c.primaryKey().references('municipalities.code'))
    .addColumn('scale_id', 'text', (c) => c.notNull())
    /** JSON array of band thresholds, best first. */
    .addColumn('thresholds', 'text')
    /** JSON array of 今後の方針 options. */
    .addColumn('policies', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('activity_entries')
    .addColumn('kpi_id', 'integer', (c) => c.references('kpis.id').onDelete('set null'))
    .execute();
}
