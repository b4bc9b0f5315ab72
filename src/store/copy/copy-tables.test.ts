import { expect, it } from 'vitest';
import { databaseOf } from '../raw-database.ts';
import { describeEachDialect } from '../store-test-support.ts';
import { copiedTables, SCHEMA_TABLES } from './copy-tables.ts';
import { listTables } from './schema-catalog.ts';

/**
 * `sousei copy` names every table the migrations create: a table it does not know would be
 * left behind silently (the type only covers tables someone added to schema.ts).
 */
describeEachDialect('the tables sousei copy moves', (store) => {
  it('are exactly the tables of the migrated schema, bookkeeping aside', async () => {
    expect([...SCHEMA_TABLES].sort()).toEqual(await listTables(databaseOf(store())));
  });

  it('come in an order where each foreign key points to a table already copied', () => {
    const order = copiedTables().map((t) => t.name);
    expect(order.indexOf('municipalities')).toBe(0);
    expect(order.indexOf('projects')).toBeGreaterThan(order.indexOf('plan_nodes'));
    expect(order.indexOf('activity_entries')).toBeGreaterThan(order.indexOf('kpis'));
    expect(order.indexOf('kpi_actuals')).toBeGreaterThan(order.indexOf('activity_entries'));
  });
});
