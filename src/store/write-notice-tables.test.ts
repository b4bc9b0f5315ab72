import { describe, expect, it } from 'vitest';
import { SCHEMA_TABLES } from './copy/copy-tables.ts';
import { noticedTables, WRITE_NOTICE_TABLES } from './write-notice-tables.ts';

/** Runs on every database (no PostgreSQL needed): write-notices.test.ts reads the catalog. */
describe('the tables whose writes are announced', () => {
  it('say of every table of the schema whether it is noticed or why it is exempt', () => {
    expect(Object.keys(WRITE_NOTICE_TABLES).sort()).toEqual([...SCHEMA_TABLES].sort());
    for (const [table, notice] of Object.entries(WRITE_NOTICE_TABLES)) {
      if (notice !== 'notice') expect(notice.exempt.length, table).toBeGreaterThan(20);
    }
  });

  it('include every table a page or a session depends on', () => {
    expect(noticedTables()).toEqual(
      expect.arrayContaining(['plans', 'projects', 'plan_years', 'changes', 'users', 'sessions']),
    );
  });
});
