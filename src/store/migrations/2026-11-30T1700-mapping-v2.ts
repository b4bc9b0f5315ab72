import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../database.ts';

/**
 * Mapping v2 (issue 10): a tree node keeps the code a city keys its tree by (政策コード); a KPI
 * says whether it is an 活動指標 (activity) or a 成果指標 (outcome); and a KPI may have no final
 * target (a workbook names an indicator before its target is set). All nullable: plans and KPIs
 * without them read as before.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan_nodes').addColumn('code', 'text').execute();
  if (dialectOf(db) === 'postgres') {
    await db.schema.alterTable('kpis').addColumn('category', 'text').execute();
    await sql`alter table kpis alter column target_value drop not null`.execute(db);
    await sql`alter table kpis alter column target_fiscal_year drop not null`.execute(db);
    return;
  }
  await rebuildSqliteKpis(db);
}

/**
 * SQLite cannot drop a NOT NULL: the table is rebuilt (sqlite.org/lang_altertable.html, "other
 * kinds of table schema changes") with foreign keys off, so dropping the old table does not
 * cascade to year targets and actuals, and checked before they are on again.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema has a type.
async function rebuildSqliteKpis(db: Kysely<any>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.schema
        .createTable('kpis_new')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('municipality_code', 'text', (c) => c.notNull())
        .addColumn('plan_id', 'integer', (c) =>
          c.notNull().references('plans.id').onDelete('cascade'),
        )
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
        .addColumn('target_value', 'double precision')
        .addColumn('target_fiscal_year', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('introduced_in', 'integer')
        .addColumn('category', 'text')
        .execute();
      await sql`insert into kpis_new (id, municipality_code, plan_id, scope, node_id, project_id,
        position, name, unit, direction, kind, baseline_value, baseline_fiscal_year, target_value,
        target_fiscal_year, updated_at, introduced_in)
        select id, municipality_code, plan_id, scope, node_id, project_id, position, name, unit,
        direction, kind, baseline_value, baseline_fiscal_year, target_value, target_fiscal_year,
        updated_at, introduced_in from kpis`.execute(trx);
      await trx.schema.dropTable('kpis').execute();
      await trx.schema.alterTable('kpis_new').renameTo('kpis').execute();
      await trx.schema
        .createIndex('kpis_plan')
        .on('kpis')
        .columns(['municipality_code', 'plan_id'])
        .execute();
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error('kpis rebuild broke a foreign key');
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
