import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialectName } from '../../store/database.ts';
import { databaseOf } from '../../store/raw-database.ts';
import {
  createTestDatabase,
  dialectAvailable,
  type TestDatabase,
} from '../../store/test-databases.ts';
import { type AppContext, openAppContext } from '../app-context.ts';
import { authenticateToken, createApiToken } from '../auth/api-tokens.ts';
import { createSession, findSession } from '../auth/sessions.ts';
import { findUserByEmail, loadActor } from '../auth/users.ts';
import { setUpDemo } from '../demo.ts';
import { saveKpi, saveKpiActual } from '../kpi/save-kpi.ts';
import { saveProjectYear } from '../workflow/save-project-year.ts';
import { copyInstallation } from './copy-installation.ts';
import { verifyCopy } from './verify-copy.ts';

const CODE = '012050';
const PAIRS: [DialectName, DialectName][] = [
  ['sqlite', 'postgres'],
  ['postgres', 'sqlite'],
  ['sqlite', 'sqlite'],
  ['postgres', 'postgres'],
];

interface Seeded {
  tokenSecret: string;
  sessionToken: string;
}

/**
 * The demo's workflow data (R2 published, R3 open, one account per role) plus what use cases
 * add to it: a KPI with an actual, an evaluation, a saved year (history), an API token, a
 * session; and an activity relisting a later one, so a self-reference points forward.
 */
async function seed(ctx: AppContext): Promise<Seeded> {
  await setUpDemo(ctx);
  const [plan] = await ctx.store.plans.list(CODE);
  if (!plan) throw new Error('no demo plan');
  const admin = await findUserByEmail(ctx, 'kikaku@demo.sousei.example');
  const actor = await loadActor(ctx, admin.id);
  if (!actor) throw new Error('no admin');
  const { projects } = await ctx.store.kpis.tree(CODE, plan.id);
  const project = projects.find((p) => p.no === '1');
  if (!project) throw new Error('no project 1');
  const kpiId = await saveKpi(ctx, actor, {
    municipalityCode: CODE,
    planId: plan.id,
    input: {
      scope: 'project',
      projectId: project.id,
      name: '創業相談件数',
      unit: '件',
      direction: 'higher',
      kind: 'annual',
      targetValue: 60,
      targetFiscalYear: 2024,
    },
  });
  await saveKpiActual(ctx, actor, {
    municipalityCode: CODE,
    kpiId,
    input: { fiscalYear: 2021, value: 12, asOf: null, source: '商工会議所' },
  });
  await ctx.store.evaluations.save(
    { municipalityCode: CODE, planId: plan.id, projectId: project.id, fiscalYear: 2021 },
    { effect: null, policy: '継続' },
    { userId: admin.id, origin: 'web', now: ctx.now() },
  );
  const stored = await ctx.store.projectYears.project(CODE, project.id);
  const saved = await saveProjectYear(ctx, actor, {
    municipalityCode: CODE,
    projectId: project.id,
    fiscalYear: 2021,
    form: {
      version: stored.version,
      budget: '3,000',
      settlement: '',
      activities: [{ entries: [{ kind: 'result', text: '▶相談会を開催', kpi: false }] }],
      newActivity: { text: '☐創業塾', result: '▶3回開催' },
    },
  });
  if (!saved.ok) throw new Error('the seed save failed');
  const { secret } = await createApiToken(ctx, actor, '集計');
  const { token } = await createSession(ctx, admin.id, CODE);
  // Test planting: the first activity relists the last one (a forward self-reference).
  const db = databaseOf(ctx.store);
  const ids = await db.selectFrom('activities').select('id').orderBy('id').execute();
  await db
    .updateTable('activities')
    .set({ relist_of_id: ids.at(-1)?.id ?? null })
    .where('id', '=', ids[0]?.id ?? -1)
    .execute();
  return { tokenSecret: secret, sessionToken: token };
}

for (const [from, to] of PAIRS) {
  const runs = dialectAvailable(from) && dialectAvailable(to);
  describe.skipIf(!runs)(`sousei copy from ${from} to ${to}`, () => {
    let source: TestDatabase;
    let target: TestDatabase;
    let seeded: Seeded;
    beforeAll(async () => {
      source = await createTestDatabase(from);
      target = await createTestDatabase(to);
      const ctx = await openAppContext(source.url);
      try {
        seeded = await seed(ctx);
      } finally {
        await ctx.store.close();
      }
    });
    afterAll(async () => {
      await source?.drop();
      await target?.drop();
    });

    it('copies every table with its ids, and the exports of both sides compare equal', async () => {
      const outcome = await copyInstallation({ from: source.url, to: target.url, chunkRows: 7 });
      expect(outcome.differences).toEqual([]);
      expect(outcome.plans).toBe(1);
      expect(outcome.skipped).toEqual(['sessions', 'login_failures']);
      const rows = Object.fromEntries(outcome.tables.map((c) => [c.table, c.rows]));
      for (const table of ['users', 'kpis', 'kpi_actuals', 'evaluations', 'changes', 'api_tokens'])
        expect(rows[table], table).toBeGreaterThan(0);
      expect(rows.plan_years).toBe(2);

      const copy = await openAppContext(target.url);
      try {
        // Tokens move (only their hash is stored); sessions do not: everyone signs in again.
        expect(await authenticateToken(copy, seeded.tokenSecret)).toMatchObject({ role: 'admin' });
        expect(await findSession(copy, seeded.sessionToken)).toBeNull();
        const db = databaseOf(copy.store);
        const first = await db
          .selectFrom('activities')
          .select('relist_of_id')
          .orderBy('id')
          .executeTakeFirst();
        const last = await db
          .selectFrom('activities')
          .select('id')
          .orderBy('id', 'desc')
          .executeTakeFirst();
        expect(first?.relist_of_id).toBe(last?.id);
        // New rows continue after the copied ids (PostgreSQL's sequences were moved on).
        const highest = await db
          .selectFrom('departments')
          .select('id')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        const added = await copy.store.departments.ensure(CODE, '総務部 企画課');
        expect(added).toBeGreaterThan(highest.id);
      } finally {
        await copy.store.close();
      }
    });

    it('refuses a target that holds data, and writes nothing to it', async () => {
      const copy = await openAppContext(target.url);
      try {
        const before = await databaseOf(copy.store).selectFrom('changes').select('id').execute();
        await expect(copyInstallation({ from: source.url, to: target.url })).rejects.toMatchObject({
          code: 'conflict',
          messageKey: 'copy.target-not-empty',
        });
        expect(await databaseOf(copy.store).selectFrom('changes').select('id').execute()).toEqual(
          before,
        );
      } finally {
        await copy.store.close();
      }
    });

    it('reports what differs when the copy does not match its source', async () => {
      const [a, b] = [await openAppContext(source.url), await openAppContext(target.url)];
      try {
        await databaseOf(b.store)
          .updateTable('project_finances')
          .set({ budget: 1 })
          .where('fiscal_year', '=', 2020)
          .execute();
        await databaseOf(b.store).deleteFrom('evaluation_comments').execute();
        await databaseOf(b.store).deleteFrom('changes').execute();
        const { differences } = await verifyCopy(a, b);
        expect(differences).toContainEqual({
          kind: 'rows',
          table: 'changes',
          source: expect.any(Number),
          target: 0,
        });
        const files = differences.flatMap((d) => (d.kind === 'export' ? [d.file] : []));
        expect(files).toEqual(
          expect.arrayContaining(['plan.json', 'progress.tsv', 'projects.csv']),
        );
      } finally {
        await a.store.close();
        await b.store.close();
      }
    });
  });
}

describe.skipIf(!dialectAvailable('postgres'))('sousei copy, all or nothing', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  beforeAll(async () => {
    source = await createTestDatabase('sqlite');
    target = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  it('leaves the target empty when a row fails midway (SQLite held what PostgreSQL refuses)', async () => {
    const ctx = await openAppContext(source.url);
    try {
      await setUpDemo(ctx);
      // Test planting: SQLite's loose typing keeps text in an integer column; PostgreSQL does not.
      await databaseOf(ctx.store)
        .updateTable('changes')
        .set({ fiscal_year: 'R3' as unknown as number })
        .where('id', '=', 1)
        .execute();
    } finally {
      await ctx.store.close();
    }
    await expect(copyInstallation({ from: source.url, to: target.url })).rejects.toThrow(
      /invalid input syntax/,
    );
    const copy = await openAppContext(target.url);
    try {
      const db = databaseOf(copy.store);
      expect(await db.selectFrom('municipalities').select('code').execute()).toEqual([]);
      expect(await db.selectFrom('projects').select('id').execute()).toEqual([]);
    } finally {
      await copy.store.close();
    }
  });
});
