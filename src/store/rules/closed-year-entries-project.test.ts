import { expect, it } from 'vitest';
import type { Activity, Plan } from '../../core/plan.ts';
import { samplePlan } from '../plans/sample-plan.ts';
import { databaseOf } from '../raw-database.ts';
import type { Store } from '../store.ts';
import { describeEachDialect } from '../store-test-support.ts';
import { insertTestAdmin } from '../test-plan.ts';

const NOW = '2026-11-30T00:00:00.000Z';

/** The sample plan (project 1: two activities, each with two R2 entries), 2020 published, 2022 open. */
async function setUp(store: Store, code: string) {
  const plan: Plan = { ...samplePlan(1), municipality: { code, name: `市${code}` } };
  const planId = await store.plans.save({ plan, fiscalYears: [2020], now: NOW });
  const scope = { municipalityCode: code, planId };
  await store.years.setUp({ ...scope, fiscalYear: 2020, status: 'published', at: NOW });
  await store.years.setUp({ ...scope, fiscalYear: 2022, status: 'open', at: NOW });
  const project = await databaseOf(store)
    .selectFrom('projects')
    .select(['id', 'version'])
    .where('municipality_code', '=', code)
    .executeTakeFirstOrThrow();
  const activities = plan.nodes[0]?.projects[0]?.activities ?? [];
  const write = (next: Activity[]) => ({
    ...scope,
    projectId: project.id,
    fiscalYear: 2022,
    userId: null,
    origin: 'web' as const,
    at: NOW,
    expectedVersion: project.version,
    budget: null,
    settlement: null,
    activities: next,
    previousActivities: activities,
  });
  await insertTestAdmin(store, code, NOW);
  return { planId, activities, write };
}

const r4 = { kind: 'result' as const, fiscalYear: 2022, yearLabel: 'R4', text: '55件', kpi: false };

describeEachDialect("a project's year entry keeps a closed year's entries", (store) => {
  it('keeps the R2 entries a write leaves out, refuses one changing them, naming it', async () => {
    const code = '012500';
    const { planId, activities, write } = await setUp(store(), code);
    // The R2 revision 実施 of the first activity rewritten as 中止.
    const changed = activities.map((a, i) =>
      i === 0
        ? { ...a, entries: a.entries.map((e, j) => (j === 0 ? { ...e, text: '中止' } : e)) }
        : a,
    );
    const refused = store().yearEntries.save(write(changed));
    await expect(refused).rejects.toMatchObject({ messageKey: 'keep.refused' });
    const error = (await refused.catch((e: unknown) => e)) as { findings: { code: string }[] };
    expect(error.findings.map((f) => f.code)).toEqual(['keep.entry-changed.published']);
    const without = activities.map((a) => ({ ...a, entries: [r4] }));
    expect((await store().yearEntries.save(write(without))).ok).toBe(true);
    const loaded = await store().plans.load(code, planId);
    const lines = loaded?.nodes[0]?.projects[0]?.activities.map((a) =>
      a.entries.map((e) => `${e.yearLabel} ${e.text}`),
    );
    expect(lines).toEqual([
      ['R2 実施', 'R2 41件', 'R4 55件'],
      ['R2 実施', 'R2 41件', 'R4 55件'],
    ]);
  });
});
