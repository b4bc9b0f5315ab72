import { type Kysely, sql } from 'kysely';
import { serialType } from '../database.ts';

const sqlKind = sql`kind in ('result', 'revision')`;

/** Plans, their trees, projects, finances, activities and entries; all carry their municipality. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = serialType(db);
  await db.schema
    .createTable('municipalities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('plans')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull().references('municipalities.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('first_fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('last_fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('amount_unit', 'text', (c) => c.notNull())
    .addColumn('conventions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plans_municipality_title', ['municipality_code', 'title'])
    .execute();
  await db.schema
    .createTable('plan_nodes')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('plan_nodes.id').onDelete('cascade'))
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('departments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull().references('municipalities.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('departments_municipality_name', ['municipality_code', 'name'])
    .execute();
  await db.schema
    .createTable('projects')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('node_id', 'integer', (c) => c.notNull().references('plan_nodes.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('no', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('projects_plan_no', ['plan_id', 'no'])
    .execute();
  await db.schema
    .createTable('project_finances')
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('budget', 'bigint')
    .addColumn('settlement', 'bigint')
    .addPrimaryKeyConstraint('project_finances_pk', ['project_id', 'fiscal_year'])
    .execute();
  await db.schema
    .createTable('activities')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('relist_of_id', 'integer', (c) => c.references('activities.id').onDelete('set null'))
    .execute();
  await db.schema
    .createTable('activity_entries')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'integer', (c) =>
      c.notNull().references('activities.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlKind))
    .addColumn('fiscal_year', 'integer')
    .addColumn('year_label', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('kpi', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('stated_totals')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('budget', 'bigint')
    .addColumn('settlement', 'bigint')
    .addPrimaryKeyConstraint('stated_totals_pk', ['plan_id', 'fiscal_year'])
    .execute();
  await db.schema
    .createTable('import_runs')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('fiscal_years', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  const indexes: [string, string, string[]][] = [
    ['plans_municipality', 'plans', ['municipality_code']],
    ['plan_nodes_plan', 'plan_nodes', ['plan_id']],
    ['plan_nodes_municipality', 'plan_nodes', ['municipality_code']],
    ['projects_municipality', 'projects', ['municipality_code']],
    ['projects_node', 'projects', ['node_id']],
    ['projects_department', 'projects', ['department_id']],
    [
      'project_finances_municipality_year',
      'project_finances',
      ['municipality_code', 'fiscal_year'],
    ],
    ['activities_project', 'activities', ['project_id']],
    ['activities_municipality', 'activities', ['municipality_code']],
    ['activity_entries_activity', 'activity_entries', ['activity_id']],
    ['activity_entries_municipality', 'activity_entries', ['municipality_code']],
    ['import_runs_plan', 'import_runs', ['plan_id']],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}
