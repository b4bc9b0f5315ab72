import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../store/test-databases.ts';
import { type AppContext, openAppContext } from './app-context.ts';
import { setUpDemo } from './demo.ts';
import { importPlan } from './import-plan.ts';
import { SAMPLE_FILE } from './load-sample.ts';

describe('demo mode', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    ctx = await openAppContext(database.url);
  });
  afterAll(async () => {
    await ctx?.store.close();
    await database?.drop();
  });

  it('starts again once the demo city has a second plan (the sample is found by its title)', async () => {
    expect(await setUpDemo(ctx)).toHaveLength(4);
    await importPlan(ctx, {
      bytes: readFileSync(SAMPLE_FILE),
      fileName: 'second.tsv',
      municipalityCode: '012050',
      municipalityName: '室蘭市',
      title: '室蘭市総合計画（第二の計画）',
      conventions: { arrow: 'revision' },
    });
    expect(await ctx.store.plans.list('012050')).toHaveLength(2);
    const again = await setUpDemo(ctx);
    expect(again.map((a) => a.email)).toContain('kikaku@demo.sousei.example');
  });
});
