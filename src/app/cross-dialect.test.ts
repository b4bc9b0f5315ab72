import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, dialectAvailable } from '../store/test-databases.ts';
import { openAppContext } from './app-context.ts';
import { exportPlan } from './export-plan.ts';
import { importPlan } from './import-plan.ts';

const SAMPLE = new URL('../../samples/muroran-r2-progress.tsv', import.meta.url);

async function exportsAfterImport(dialect: 'sqlite' | 'postgres') {
  const database = await createTestDatabase(dialect);
  const ctx = await openAppContext(database.url);
  try {
    const outcome = await importPlan(ctx, {
      bytes: readFileSync(SAMPLE),
      fileName: 'muroran-r2-progress.tsv',
      municipalityCode: '012050',
      municipalityName: '室蘭市',
      title: '第2期室蘭市まち・ひと・しごと創生総合戦略',
    });
    expect(outcome.written).toBe(true);
    return {
      json: await exportPlan(ctx, { format: 'json' }),
      tsv: await exportPlan(ctx, { format: 'tsv' }),
    };
  } finally {
    await ctx.store.close();
    await database.drop();
  }
}

describe.skipIf(!dialectAvailable('postgres'))('the same import on SQLite and PostgreSQL', () => {
  it('gives byte-identical JSON and TSV exports', async () => {
    const sqlite = await exportsAfterImport('sqlite');
    const postgres = await exportsAfterImport('postgres');
    expect(postgres.json).toBe(sqlite.json);
    expect(postgres.tsv).toBe(sqlite.tsv);
    expect(JSON.parse(sqlite.json).goals).toHaveLength(3);
  });
});
