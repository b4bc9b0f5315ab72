import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from '../../store/raw-database.ts';
import {
  createTestDatabase,
  DIALECTS,
  dialectAvailable,
  requireAll,
  type TestDatabase,
} from '../../store/test-databases.ts';
import { type AppContext, openAppContext } from '../app-context.ts';
import { exportPlan } from '../export-plan.ts';
import { importPlan } from '../import-plan.ts';
import { backupDatabase } from './backup-database.ts';
import { restoreDatabase } from './restore-database.ts';

const SAMPLE = new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url);

/** pg_dump and pg_restore are client tools: without them the PostgreSQL half is skipped. */
function pgToolsPresent(): boolean {
  const found = ['pg_dump', 'pg_restore'].every((tool) =>
    (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, tool))),
  );
  if (!found && requireAll)
    throw new Error('SOUSEI_REQUIRE_ALL=1 but pg_dump/pg_restore are missing');
  if (!found) console.warn('PostgreSQL backup tests skipped: pg_dump/pg_restore not found.');
  return found;
}

function available(dialect: (typeof DIALECTS)[number]): boolean {
  return dialectAvailable(dialect) && (dialect === 'sqlite' || pgToolsPresent());
}

/** The schema a PostgreSQL test database lives in (test-databases.ts: one schema per file). */
function schemaOf(url: string): string {
  const match = /search_path%3D([a-z0-9_]+)/i.exec(url);
  if (!match?.[1]) throw new Error(`no schema in ${url}`);
  return match[1];
}

const exportJson = (ctx: AppContext) => exportPlan(ctx, { format: 'json' });

for (const dialect of DIALECTS) {
  describe.skipIf(!available(dialect))(`backup and restore on ${dialect}`, () => {
    let database: TestDatabase;
    let ctx: AppContext;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sousei-backup-'));
      database = await createTestDatabase(dialect);
      ctx = await openAppContext(database.url);
      await importPlan(ctx, {
        bytes: await readFile(SAMPLE),
        fileName: 'muroran-r2-progress.tsv',
        municipalityCode: '012050',
        municipalityName: '室蘭市',
        title: '第2期室蘭市まち・ひと・しごと創生総合戦略',
      });
    });
    afterAll(async () => {
      await ctx?.store.close();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('backs up online while a write runs, and the restore equals the export at backup time', async () => {
      const atBackup = await exportJson(ctx);
      const file = join(dir, 'backup');
      // A writer holds an open transaction with changes while the backup runs: the backup must
      // neither wait for it nor contain any of it.
      await databaseOf(ctx.store)
        .transaction()
        .execute(async (trx) => {
          await trx
            .updateTable('project_finances')
            .set((eb) => ({ budget: eb('budget', '+', 1000) }))
            .execute();
          await backupDatabase({ databaseUrl: database.url, file });
        });
      const afterWrite = await exportJson(ctx);
      expect(afterWrite).not.toEqual(atBackup);

      // Restore into a fresh database: a new file, or for PostgreSQL the schema dropped.
      const fresh = dialect === 'sqlite' ? `sqlite:${join(dir, 'restored.db')}` : database.url;
      if (dialect === 'postgres') {
        await databaseOf(ctx.store).schema.dropSchema(schemaOf(database.url)).cascade().execute();
        await ctx.store.close();
      }
      await restoreDatabase({ databaseUrl: fresh, file });
      const restored = await openAppContext(fresh);
      try {
        expect(await exportJson(restored)).toEqual(atBackup);
      } finally {
        await restored.store.close();
      }
      if (dialect === 'postgres') ctx = await openAppContext(database.url);
    });

    it('refuses to overwrite a database with data, or an existing backup file, unless forced', async () => {
      const file = join(dir, 'second');
      await backupDatabase({ databaseUrl: database.url, file });
      await expect(backupDatabase({ databaseUrl: database.url, file })).rejects.toMatchObject({
        messageKey: 'backup.target-exists',
      });
      await expect(restoreDatabase({ databaseUrl: database.url, file })).rejects.toMatchObject({
        messageKey: 'restore.target-not-empty',
      });
      await restoreDatabase({ databaseUrl: database.url, file, force: true });
      expect(await exportJson(ctx)).toContain('室蘭市');
    });

    it('refuses a file that is no backup, writing nothing', async () => {
      const bogus = join(dir, 'bogus');
      writeFileSync(bogus, 'No.\t事業名\n1\tnot a backup\n');
      const before = await exportJson(ctx);
      await expect(
        restoreDatabase({ databaseUrl: database.url, file: bogus, force: true }),
      ).rejects.toMatchObject({ code: 'invalid-input', messageKey: 'backup.not-a-backup' });
      expect(await exportJson(ctx)).toEqual(before);
    });
  });
}
