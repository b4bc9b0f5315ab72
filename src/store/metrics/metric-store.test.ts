import { expect, it } from 'vitest';
import { extractMetrics } from '../../core/figures/extract-metrics.ts';
import type { Metric } from '../../core/figures/metric.ts';
import type { Plan } from '../../core/plan.ts';
import { samplePlan } from '../plans/sample-plan.ts';
import { writeCounter } from '../plans/write-counter.ts';
import { databaseOf } from '../raw-database.ts';
import { savePlan } from '../save-plan.ts';
import type { Store } from '../store.ts';
import { describeEachDialect } from '../store-test-support.ts';
import { cycleFixture } from '../years/cycle-fixture.ts';

const NOW = '2026-11-30T00:00:00.000Z';
const options = { fiscalYears: [2020, 2021], now: NOW };

/** The sample plan of a municipality of its own, with these words as each project's results. */
function planOf(code: string, results: readonly string[], count = 1): Plan {
  const plan = samplePlan(count);
  plan.municipality = { code, name: `市${code}` };
  for (const project of plan.nodes[0]?.projects ?? []) {
    for (const [i, a] of project.activities.entries()) {
      const result = a.entries.find((e) => e.kind === 'result');
      if (result) result.text = results[i] ?? result.text;
    }
  }
  return plan;
}

async function save(store: Store, plan: Plan): Promise<number> {
  return databaseOf(store)
    .transaction()
    .execute((trx) => savePlan(trx, plan, options));
}

async function projectOf(store: Store, code: string, planId: number) {
  const p = await databaseOf(store)
    .selectFrom('projects')
    .select(['id', 'version'])
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', code)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const readings = await store.metrics.ofProject(code, p.id);
  return { ...p, readings: [...readings.values()] };
}

describeEachDialect('entry metrics', (store) => {
  it('are the figures read from each result, none from a revision, stored when a plan is saved', async () => {
    const code = '013001';
    const words = ['移住相談 41件', '参加者78名、出展企業28社'];
    const planId = await save(store(), planOf(code, words));
    const { readings } = await projectOf(store(), code, planId);
    // Two activities, each one revision and one result: four entries read.
    expect(readings).toHaveLength(4);
    const figures = readings.map((r) =>
      r.metrics.map(({ entryId, position, confirmed, ...m }) => m),
    );
    expect(figures.filter((m) => m.length > 0)).toEqual(
      words.map((w) => extractMetrics(w).metrics),
    );
    expect(readings.every((r) => r.metrics.every((m) => m.confirmed === null))).toBe(true);
  });

  it('are not written again when the words did not change, and read again when they did', async () => {
    const code = '013002';
    const planId = await save(store(), planOf(code, ['41件', '3回']));
    const { plugin, writes } = writeCounter();
    await databaseOf(store())
      .withPlugin(plugin)
      .transaction()
      .execute((trx) => savePlan(trx, planOf(code, ['41件', '3回']), options));
    expect(writes.get('entry_metrics') ?? 0).toBe(0);
    expect(writes.get('entry_readings') ?? 0).toBe(0);
    await save(store(), planOf(code, ['52件', '3回']));
    const { readings } = await projectOf(store(), code, planId);
    const values = readings.flatMap((r) => r.metrics.map((m) => `${m.value}${m.unit}`));
    expect(values).toEqual(['52件', '3回']);
  });

  it('keep a confirmed figure (exact decimal) when the words are read again, and record the change', async () => {
    const code = '013003';
    const planId = await save(store(), planOf(code, ['41件', '3回']));
    const p = await projectOf(store(), code, planId);
    const first = p.readings.flatMap((r) => r.metrics)[0];
    if (!first) throw new Error('no figure read');
    await openYear(store(), code, planId);
    const corrected: Metric = { ...stripped(first), label: '移住相談', value: 12.5, unit: '%' };
    const write = {
      municipalityCode: code,
      planId,
      projectId: p.id,
      fiscalYear: 2020,
      entryId: first.entryId,
      position: first.position,
      metric: corrected,
      expectedVersion: p.version,
      userId: null,
      userName: '企画 太郎',
      origin: 'web' as const,
      at: NOW,
    };
    expect(await store().metrics.confirm(write)).toEqual({ ok: true, version: p.version + 1 });
    // The same version again is stale: refused with the current one.
    expect(await store().metrics.confirm(write)).toEqual({
      ok: false,
      conflict: true,
      version: p.version + 1,
    });
    await save(store(), planOf(code, ['99件', '4回']));
    const after = (await projectOf(store(), code, planId)).readings.flatMap((r) => r.metrics);
    expect(after.map((m) => `${m.label}${m.value}${m.unit}`)).toEqual(['移住相談12.5%', '4回']);
    expect(after[0]?.confirmed).toEqual({ by: '企画 太郎', at: NOW });
    const history = await store().history.list({
      municipalityCode: code,
      planId,
      projectId: p.id,
    });
    const change = history.find((h) => h.target.type === 'metric');
    expect(change?.before).toEqual(stripped(first));
    expect(change?.after).toEqual(corrected);
  });

  it('refuses a confirmation in a closed year, and of a figure of another municipality', async () => {
    const code = '013004';
    const planId = await save(store(), planOf(code, ['41件']));
    const p = await projectOf(store(), code, planId);
    const first = p.readings.flatMap((r) => r.metrics)[0];
    if (!first) throw new Error('no figure read');
    await databaseOf(store())
      .insertInto('plan_years')
      .values({
        municipality_code: code,
        plan_id: planId,
        fiscal_year: 2020,
        status: 'locked',
        updated_at: NOW,
      })
      .execute();
    const write = {
      municipalityCode: code,
      planId,
      projectId: p.id,
      fiscalYear: 2020,
      entryId: first.entryId,
      position: first.position,
      metric: stripped(first),
      expectedVersion: p.version,
      userId: null,
      userName: '企画 太郎',
      origin: 'web' as const,
      at: NOW,
    };
    await expect(store().metrics.confirm(write)).rejects.toThrow(/year.locked/);
    expect(await store().metrics.confirm({ ...write, municipalityCode: '013099' })).toEqual({
      ok: false,
      notFound: true,
    });
  });

  it("are read when a year entry writes a project's results", async () => {
    const code = '013007';
    const f = await cycleFixture(store(), code);
    const year = { municipalityCode: code, planId: f.planId, fiscalYear: 2021 };
    await store().years.transition({
      ...year,
      action: 'open',
      reason: null,
      userId: f.userId,
      at: NOW,
    });
    const activity = (text: string) => ({
      title: '相談窓口',
      text: '相談窓口',
      source: null,
      relistOf: null,
      entries: [{ kind: 'result' as const, fiscalYear: 2021, yearLabel: null, text, kpi: false }],
    });
    const write = {
      ...year,
      projectId: f.p1,
      userId: f.userId,
      origin: 'web' as const,
      at: NOW,
      expectedVersion: 1,
      budget: null,
      settlement: null,
      activities: [activity('相談 52件')],
      previousActivities: [],
    };
    await store().yearEntries.save(write);
    const values = async () =>
      [...(await store().metrics.ofProject(code, f.p1)).values()].flatMap((r) =>
        r.metrics.map((m) => `${m.value}${m.unit}`),
      );
    expect(await values()).toEqual(['52件']);
    await store().yearEntries.save({
      ...write,
      expectedVersion: 2,
      activities: [activity('相談 60件')],
      previousActivities: write.activities,
    });
    expect(await values()).toEqual(['60件']);
  });

  it('of entries stored before figures were read are read when the store is migrated', async () => {
    const code = '013008';
    const planId = await save(store(), planOf(code, ['41件', '3回']));
    const db = databaseOf(store());
    await db.deleteFrom('entry_metrics').where('municipality_code', '=', code).execute();
    await db.deleteFrom('entry_readings').where('municipality_code', '=', code).execute();
    expect((await projectOf(store(), code, planId)).readings).toEqual([]);
    expect((await store().migrate()).error).toBeUndefined();
    const values = (await projectOf(store(), code, planId)).readings.flatMap((r) =>
      r.metrics.map((m) => `${m.value}${m.unit}`),
    );
    expect(values).toEqual(['41件', '3回']);
  });

  it("change the plan's content version when confirmed (the public cache keys on it)", async () => {
    const code = '013009';
    const planId = await save(store(), planOf(code, ['41件']));
    const p = await projectOf(store(), code, planId);
    const first = p.readings.flatMap((r) => r.metrics)[0];
    if (!first) throw new Error('no figure read');
    const before = await store().contentVersions.ofPlan(planId);
    await store().metrics.confirm({
      municipalityCode: code,
      planId,
      projectId: p.id,
      fiscalYear: 2020,
      entryId: first.entryId,
      position: first.position,
      metric: stripped(first),
      expectedVersion: p.version,
      userId: null,
      origin: 'web',
      at: NOW,
    });
    expect(await store().contentVersions.ofPlan(planId)).not.toEqual(before);
  });

  it("are read again under the plan's ⇒ convention when it changes", async () => {
    const code = '013010';
    await save(store(), planOf(code, ['就職決定者数10名⇒3名']));
    const arrows = async () =>
      (
        await databaseOf(store())
          .selectFrom('entry_readings')
          .select('arrow')
          .distinct()
          .where('municipality_code', '=', code)
          .execute()
      ).map((r) => r.arrow);
    expect(await arrows()).toEqual(['revision']);
    const targetActual = planOf(code, ['就職決定者数10名⇒3名']);
    targetActual.conventions = { ...targetActual.conventions, arrow: 'target-actual' };
    await save(store(), targetActual);
    expect(await arrows()).toEqual(['target-actual']);
  });

  it('go with their entry', async () => {
    const code = '013005';
    const planId = await save(store(), planOf(code, ['41件', '3回']));
    const fewer = planOf(code, ['41件', '3回']);
    const project = fewer.nodes[0]?.projects[0];
    if (!project) throw new Error('sample changed');
    project.activities = project.activities.slice(0, 1);
    await save(store(), fewer);
    const rows = await databaseOf(store())
      .selectFrom('entry_metrics')
      .select('value')
      .where('municipality_code', '=', code)
      .execute();
    expect(rows.map((r) => r.value)).toEqual(['41']);
    expect((await projectOf(store(), code, planId)).readings).toHaveLength(2);
  });

  it('of a large new plan are inserted in a few multi-row statements', async () => {
    const code = '013006';
    const { plugin, writes } = writeCounter();
    await databaseOf(store())
      .withPlugin(plugin)
      .transaction()
      .execute((trx) => savePlan(trx, planOf(code, ['41件', '3回'], 620), options));
    // 620 projects × 2 activities × 2 entries = 2,480 readings, 1,240 figures.
    expect(writes.get('entry_readings')).toBeLessThanOrEqual(5);
    expect(writes.get('entry_metrics')).toBeLessThanOrEqual(3);
  });
});

function stripped(
  m: Metric & { entryId?: number; position?: number; confirmed?: unknown },
): Metric {
  const { entryId, position, confirmed, ...metric } = m;
  return metric;
}

async function openYear(store: Store, code: string, planId: number) {
  await databaseOf(store)
    .insertInto('plan_years')
    .values({
      municipality_code: code,
      plan_id: planId,
      fiscal_year: 2020,
      status: 'open',
      updated_at: NOW,
    })
    .execute();
}
