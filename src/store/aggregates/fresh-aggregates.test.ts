// biome-ignore lint/style/noRestrictedImports: the race test reads pg_stat_activity, which no store module describes, to see a writer wait on a lock.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { fieldsOf } from '../../core/kpi-record.ts';
import { MURORAN_CONVENTIONS, type Plan } from '../../core/plan.ts';
import { inTransaction } from '../in-transaction.ts';
import { kpiStore } from '../kpis/kpi-store.ts';
import { planStore } from '../plans/plan-store.ts';
import { databaseOf } from '../raw-database.ts';
import { statementCounter } from '../reads/statement-counter.ts';
import type { Store } from '../store.ts';
import { describeEachDialect } from '../store-test-support.ts';
import { insertTestAdmin, insertTestPlan } from '../test-plan.ts';
import { planAggregatesStale } from './fresh-aggregates.ts';
import { writePublishedAggregates } from './write-published-aggregates.ts';

const NOW = '2026-11-30T00:00:00.000Z';
const writer = { userId: null, origin: 'import' as const, now: NOW };

/**
 * A plan (one goal, three projects) with R2 published and R3 open: amounts for R2, a goal KPI
 * at half its target and a project KPI (相談件数) at half its target, both with the plan.
 */
async function fixture(store: Store, code: string) {
  const db = databaseOf(store);
  const plan = await insertTestPlan(store, code, { now: NOW, projects: ['1', '2', '3'] });
  const [p1] = plan.projectIds as [number];
  await db
    .insertInto('project_finances')
    .values({
      project_id: p1,
      municipality_code: code,
      fiscal_year: 2020,
      budget: 1_000,
      settlement: 900,
    })
    .execute();
  const kpi = (scope: 'goal' | 'project', name: string) => ({
    municipality_code: code,
    plan_id: plan.planId,
    scope,
    node_id: scope === 'goal' ? plan.goalId : null,
    project_id: scope === 'project' ? p1 : null,
    position: scope === 'goal' ? 0 : 1,
    name,
    unit: '件',
    direction: 'higher',
    kind: 'annual',
    baseline_value: null,
    baseline_fiscal_year: null,
    target_value: 100,
    target_fiscal_year: 2024,
    updated_at: NOW,
  });
  for (const row of [kpi('goal', '指標'), kpi('project', '相談件数')]) {
    const { id } = await db
      .insertInto('kpis')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('kpi_actuals')
      .values({
        kpi_id: id,
        municipality_code: code,
        fiscal_year: 2020,
        value: 50,
        as_of: null,
        source: null,
        entry_id: null,
        updated_at: NOW,
        updated_by: null,
      })
      .execute();
  }
  const userId = await insertTestAdmin(store, code, NOW);
  for (const [fiscalYear, action] of [
    [2020, 'open'],
    [2020, 'lock'],
    [2020, 'publish'],
    [2021, 'open'],
  ] as const) {
    await store.years.transition({
      municipalityCode: code,
      planId: plan.planId,
      fiscalYear,
      action,
      reason: null,
      userId,
      at: NOW,
    });
  }
  return { planId: plan.planId, projectId: p1 };
}

/** The stored aggregates of a municipality, as the compare reads find them. */
function storedRows(store: Store, code: string) {
  return databaseOf(store)
    .selectFrom('published_aggregates')
    .selectAll()
    .where('municipality_code', '=', code)
    .orderBy('plan_id')
    .orderBy('fiscal_year')
    .execute();
}

/**
 * Runs `write` and checks that the aggregates it left equal what the publish transaction would
 * compute from the data now, and that the write did change them (else the check proves nothing).
 */
async function expectFreshAfter(store: Store, code: string, write: () => Promise<unknown>) {
  const before = await storedRows(store, code);
  const comparedBefore = await store.aggregates.byGoal({ fiscalYear: 2020, prefectureCode: null });
  await write();
  const stored = await storedRows(store, code);
  const comparedAfter = await store.aggregates.byGoal({ fiscalYear: 2020, prefectureCode: null });
  const plans = [...new Set(stored.map((r) => r.plan_id))];
  for (const planId of plans) {
    await inTransaction(databaseOf(store), (trx) => writePublishedAggregates(trx, code, planId));
  }
  const fresh = await storedRows(store, code);
  expect(fresh).not.toEqual(before);
  expect(stored).toEqual(fresh);
  const mine = (rows: typeof comparedAfter) => rows.filter((r) => r.municipalityCode === code);
  expect(mine(comparedAfter)).not.toEqual(mine(comparedBefore));
}

/** The fixture's plan as an import of R3 would read it, with a second goal and project 4. */
function importedPlan(code: string): Plan {
  const project = (no: string) => ({
    no,
    name: `事業${no}`,
    notes: [],
    department: null,
    finances: [],
    activities: [],
  });
  return {
    municipality: { code, name: `市${code}` },
    plan: {
      title: `計画${code}`,
      kind: 'sousei',
      firstFiscalYear: 2020,
      lastFiscalYear: 2024,
      levels: ['基本目標', '具体的な施策', '事業'],
    },
    amountUnit: '千円',
    conventions: MURORAN_CONVENTIONS,
    nodes: [
      { title: '目標', children: [], projects: ['1', '2', '3'].map(project) },
      { title: '新しい目標', children: [], projects: [project('4')] },
    ],
    statedTotals: [],
  };
}

describeEachDialect('published aggregates stay fresh', (store) => {
  it("a KPI's new target is counted at once (web, API, CLI: the KPI store's save)", async () => {
    const code = '012050';
    const f = await fixture(store(), code);
    const [goalKpi] = await store().kpis.list(code, f.planId);
    if (!goalKpi) throw new Error('fixture');
    await expectFreshAfter(store(), code, () =>
      store().kpis.save(
        {
          municipalityCode: code,
          planId: f.planId,
          kpiId: goalKpi.id,
          fields: { ...fieldsOf(goalKpi), targetValue: 50 },
        },
        writer,
      ),
    );
  });

  it('a KPI import that changes a target is counted at once', async () => {
    const code = '012068';
    const f = await fixture(store(), code);
    const stored = (await store().kpis.list(code, f.planId)).find((k) => k.scope === 'project');
    if (!stored) throw new Error('fixture');
    await expectFreshAfter(store(), code, () =>
      store().kpis.replaceImportedAll(
        {
          municipalityCode: code,
          planId: f.planId,
          items: [
            {
              fields: { ...fieldsOf(stored), targetValue: 40 },
              actuals: [{ fiscalYear: 2020, value: 50, asOf: null, source: null }],
            },
          ],
        },
        writer,
      ),
    );
  });

  it("a new scale in the municipality's settings re-bands its KPIs at once", async () => {
    const code = '012076';
    await fixture(store(), code);
    await expectFreshAfter(store(), code, () =>
      store().municipalitySettings.save(
        code,
        { scaleId: 'abcd', thresholds: null, policies: ['継続'] },
        NOW,
      ),
    );
  });

  it("an import of the open year that adds a goal and a project shows in the published year's figures", async () => {
    const code = '012084';
    await fixture(store(), code);
    await expectFreshAfter(store(), code, () =>
      store().plans.save({
        plan: importedPlan(code),
        fiscalYears: [2021],
        now: NOW,
        records: {
          source: 'import.xlsx',
          kpis: [
            {
              projectNo: '4',
              definition: {
                name: '新規の指標',
                unit: '件',
                direction: 'higher',
                kind: 'annual',
                baseline: null,
                target: { fiscalYear: 2024, value: 25 },
                yearTargets: [],
              },
              actuals: [],
            },
          ],
          evaluations: [],
        },
      }),
    );
  });

  it('writes inside one store transaction are recomputed with it, and roll back with it', async () => {
    const code = '012092';
    const f = await fixture(store(), code);
    const before = await storedRows(store(), code);
    const [goalKpi] = await store().kpis.list(code, f.planId);
    if (!goalKpi) throw new Error('fixture');
    await expect(
      store().transaction(async (tx) => {
        await tx.kpis.save(
          {
            municipalityCode: code,
            planId: f.planId,
            kpiId: goalKpi.id,
            fields: { ...fieldsOf(goalKpi), targetValue: 50 },
          },
          writer,
        );
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await storedRows(store(), code)).toEqual(before);
    await expectFreshAfter(store(), code, () =>
      store().transaction(async (tx) => {
        await tx.kpis.save(
          {
            municipalityCode: code,
            planId: f.planId,
            kpiId: goalKpi.id,
            fields: { ...fieldsOf(goalKpi), targetValue: 50 },
          },
          writer,
        );
        await tx.municipalitySettings.save(
          code,
          { scaleId: 'abcd', thresholds: null, policies: ['継続'] },
          NOW,
        );
      }),
    );
  });

  it('a transaction of many KPI writes, or a plan import with its KPIs, recomputes its plan once', async () => {
    const code = '012106';
    const f = await fixture(store(), code);
    const counter = statementCounter();
    const counted = databaseOf(store()).withPlugin(counter.plugin);
    const kpis = await store().kpis.list(code, f.planId);
    await inTransaction(counted, async (trx) => {
      for (const [i, k] of kpis.entries()) {
        await kpiStore(trx).save(
          {
            municipalityCode: code,
            planId: f.planId,
            kpiId: k.id,
            fields: { ...fieldsOf(k), targetValue: 60 + i },
          },
          writer,
        );
      }
    });
    // One recompute: one delete and one insert of the plan's rows.
    expect(counter.statements.get('published_aggregates')).toBe(2);
    counter.reset();
    await planStore(counted).save({
      plan: importedPlan(code),
      fiscalYears: [2021],
      now: NOW,
      records: {
        source: 'import.xlsx',
        kpis: ['指標A', '指標B', '指標C'].map((name) => ({
          projectNo: '4',
          definition: {
            name,
            unit: '件',
            direction: 'higher' as const,
            kind: 'annual' as const,
            baseline: null,
            target: { fiscalYear: 2024, value: 25 },
            yearTargets: [],
          },
          actuals: [],
        })),
        evaluations: [],
      },
    });
    expect(counter.statements.get('published_aggregates')).toBe(2);
  });

  it('a plan marked stale outside a transaction that recomputes is recomputed at once', async () => {
    const code = '012122';
    const f = await fixture(store(), code);
    const db = databaseOf(store());
    await expectFreshAfter(store(), code, async () => {
      // A writer that forgot its transaction: the mark still leaves the figures right.
      await db
        .updateTable('kpis')
        .set({ target_value: 50 })
        .where('municipality_code', '=', code)
        .where('scope', '=', 'goal')
        .execute();
      await planAggregatesStale(db, code, f.planId);
    });
  });

  // SQLite runs one writer at a time: the race below exists only on PostgreSQL.
  it('a write racing another recompute of its plan is still counted (PostgreSQL)', async () => {
    if (store().dialect !== 'postgres') return;
    const code = '012114';
    const f = await fixture(store(), code);
    const db = databaseOf(store());
    const [goalKpi] = await store().kpis.list(code, f.planId);
    if (!goalKpi) throw new Error('fixture');
    // A recompute (a publish, another editor's save) that has read the plan and written its
    // rows, and has not committed yet.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = () => {};
    const written = new Promise<void>((resolve) => {
      started = resolve;
    });
    const other = db.transaction().execute(async (trx) => {
      await writePublishedAggregates(trx, code, f.planId);
      started();
      await held;
    });
    await written;
    const save = store().kpis.save(
      {
        municipalityCode: code,
        planId: f.planId,
        kpiId: goalKpi.id,
        fields: { ...fieldsOf(goalKpi), targetValue: 50 },
      },
      writer,
    );
    // Released once the save waits on the other transaction (a lock), not after some time.
    for (;;) {
      const { rows } = await sql<{ n: number }>`
        select cast(count(*) as int) as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
      if ((rows[0]?.n ?? 0) > 0) break;
    }
    release();
    await Promise.all([other, save]);
    const stored = await storedRows(store(), code);
    await inTransaction(db, (trx) => writePublishedAggregates(trx, code, f.planId));
    expect(stored).toEqual(await storedRows(store(), code));
  });
});
