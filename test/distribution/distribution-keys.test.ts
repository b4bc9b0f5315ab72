import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISTRIBUTED_TABLES,
  distributionKeySteps,
  foreignKeys,
  REFERENCE_TABLES,
} from '../../scripts/distribution-keys.ts';
import { type AppContext, openAppContext } from '../../src/app/app-context.ts';
import { findUserByEmail, loadActor } from '../../src/app/auth/users.ts';
import { setUpDemo } from '../../src/app/demo.ts';
import { exportPlan } from '../../src/app/export-plan.ts';
import { importPlan } from '../../src/app/import-plan.ts';
import { saveKpi, saveKpiActual } from '../../src/app/kpi/save-kpi.ts';
import { SAMPLE_FILE } from '../../src/app/load-sample.ts';
import { saveProjectYear } from '../../src/app/workflow/save-project-year.ts';
import { TABLE_COPIES } from '../../src/store/copy/copy-tables.ts';
import { listKeys } from '../../src/store/copy/schema-catalog.ts';
import { databaseOf } from '../../src/store/raw-database.ts';
import {
  createTestDatabase,
  dialectAvailable,
  type TestDatabase,
} from '../../src/store/test-databases.ts';

const CODE = '012050';

/**
 * The keys a Citus cluster needs (docs/operations.md, "Distributing by municipality", steps 3
 * and 4) applied to plain PostgreSQL holding the demo: the application must work unchanged on
 * them, and every key and foreign key between distributed tables must carry the municipality.
 * Citus itself is not here: `create_distributed_table` (step 5) is not run.
 */
describe.skipIf(!dialectAvailable('postgres'))('municipality-led primary and foreign keys', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  let before: string;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    ctx = await openAppContext(database.url);
    await setUpDemo(ctx);
    before = await exportPlan(ctx, { format: 'json' });
    const db = databaseOf(ctx.store);
    const steps = await distributionKeySteps(db);
    await db.transaction().execute(async (trx) => {
      for (const statement of steps) await sql.raw(statement).execute(trx);
    });
  });
  afterAll(async () => {
    await ctx?.store.close();
    await database?.drop();
  });

  it('names every table of the schema once, distributed or reference', () => {
    expect([...DISTRIBUTED_TABLES, ...REFERENCE_TABLES].sort()).toEqual(
      Object.keys(TABLE_COPIES).sort(),
    );
  });

  it('leads every primary key of a distributed table with the municipality, and every unique key holds it', async () => {
    const db = databaseOf(ctx.store);
    for (const table of DISTRIBUTED_TABLES) {
      const keys = await listKeys(db, table);
      expect(keys.find((k) => k.primary)?.columns[0], table).toBe('municipality_code');
      for (const key of keys) expect(key.columns, key.name).toContain('municipality_code');
    }
    const between = (await foreignKeys(db)).filter(
      (fk) =>
        (DISTRIBUTED_TABLES as readonly string[]).includes(fk.table) &&
        (DISTRIBUTED_TABLES as readonly string[]).includes(fk.refTable),
    );
    expect(between.length).toBeGreaterThan(20);
    for (const fk of between) expect(fk.columns[0], fk.name).toBe('municipality_code');
  });

  it('runs the application unchanged: exports, saves with the version rule, imports, cascades', async () => {
    expect(await exportPlan(ctx, { format: 'json' })).toBe(before);
    const admin = await findUserByEmail(ctx, 'kikaku@demo.sousei.example');
    const actor = await loadActor(ctx, admin.id);
    const [plan] = await ctx.store.plans.list(CODE);
    const { projects } = await ctx.store.kpis.tree(CODE, plan?.id ?? -1);
    const projectId = projects.find((p) => p.no === '3')?.id ?? -1;
    const { version } = await ctx.store.projectYears.project(CODE, projectId);
    const form = {
      version,
      budget: '1,234',
      settlement: '',
      activities: [],
      newActivity: { text: '☐新しい取組', result: '▶実施' },
    };
    const input = { municipalityCode: CODE, projectId, fiscalYear: 2021, form };
    expect((await saveProjectYear(ctx, actor, input)).ok).toBe(true);
    expect(await saveProjectYear(ctx, actor, input)).toMatchObject({ ok: false, kind: 'conflict' });
    // Every upsert names its municipality-led key: the demo's year set-up, a KPI actual, an
    // evaluation, a user's departments (via a second demo start), a plan import.
    await setUpDemo(ctx);
    if (!actor) throw new Error('no admin');
    const kpiId = await saveKpi(ctx, actor, {
      municipalityCode: CODE,
      planId: plan?.id ?? -1,
      input: {
        scope: 'project',
        projectId,
        name: '件数',
        unit: '件',
        direction: 'higher',
        kind: 'annual',
        targetValue: 10,
        targetFiscalYear: 2024,
      },
    });
    for (const value of [1, 2]) {
      await saveKpiActual(ctx, actor, {
        municipalityCode: CODE,
        kpiId,
        input: { fiscalYear: 2021, value, asOf: null, source: null },
      });
    }
    for (const policy of ['継続', '発展']) {
      await ctx.store.evaluations.save(
        { municipalityCode: CODE, planId: plan?.id ?? -1, projectId, fiscalYear: 2021 },
        { effect: null, policy },
        { userId: admin.id, origin: 'web', now: ctx.now() },
      );
    }
    await importPlan(ctx, {
      bytes: readFileSync(SAMPLE_FILE),
      fileName: 'second.tsv',
      municipalityCode: CODE,
      municipalityName: '室蘭市',
      title: '第二の計画',
    });
    // Deleting the plans cascades through every composite foreign key (and sets null where
    // the history keeps a row): nothing of the city's plans is left.
    const db = databaseOf(ctx.store);
    await db.deleteFrom('plans').execute();
    for (const table of ['plan_nodes', 'projects', 'activities', 'activity_entries', 'changes']) {
      const rows = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
      expect(rows.rows[0]?.n, table).toBe(0);
    }
  });
});
