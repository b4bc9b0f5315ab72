import { beforeAll, expect, it } from 'vitest';
import { historyOf, SEED_NOW, seedPlan } from '../kpis/kpi-store-seed.ts';
import { describeEachDialect } from '../store-test-support.ts';

const W = { userId: null, origin: 'web' as const, now: SEED_NOW };

describeEachDialect('analysis store', (store) => {
  let plan: Awaited<ReturnType<typeof seedPlan>>;
  let other: Awaited<ReturnType<typeof seedPlan>>;
  const key = (scope: string, code = '012050') => ({
    municipalityCode: code,
    planId: plan.planId,
    fiscalYear: 2022,
    scope,
  });
  beforeAll(async () => {
    plan = await seedPlan(store(), '012050');
    other = await seedPlan(store(), '011002');
  });

  it('saves an edited text, then approves it, each with its version and history', async () => {
    const k = key('plan');
    const saved = await store().analyses.save(
      k,
      { text: '編集した文', basis: '下書きの文', expectedVersion: 0 },
      W,
    );
    expect(saved).toEqual({ ok: true, version: 1 });
    const approved = await store().analyses.approve(
      k,
      { text: '編集した文', basis: '下書きの文', expectedVersion: 1 },
      W,
    );
    expect(approved).toEqual({ ok: true, version: 2 });
    const row = (await store().analyses.list('012050', plan.planId, 2022)).get('plan');
    expect(row).toMatchObject({
      text: '編集した文',
      basis: '下書きの文',
      state: 'approved',
      version: 2,
    });
    expect(row?.approvedAt).toBe(SEED_NOW);
    const history = (await historyOf(store(), plan.planId)).filter(
      (h) => h.target.type === 'analysis',
    );
    expect(history.map((h) => [h.fiscalYear, h.before, h.after])).toEqual([
      [2022, null, { text: '編集した文', state: 'edited' }],
      [2022, { text: '編集した文', state: 'edited' }, { text: '編集した文', state: 'approved' }],
    ]);
  });

  it('refuses a stale save with the current text, and writes nothing', async () => {
    const k = key(`node-${plan.goalId}`);
    await store().analyses.save(k, { text: '先の文', basis: 'b', expectedVersion: 0 }, W);
    const stale = await store().analyses.save(
      k,
      { text: '後の文', basis: 'b', expectedVersion: 0 },
      W,
    );
    expect(stale).toMatchObject({
      ok: false,
      conflict: true,
      current: { text: '先の文', version: 1 },
    });
    expect((await store().analyses.list('012050', plan.planId, 2022)).get(k.scope)?.text).toBe(
      '先の文',
    );
  });

  it('lets one of two simultaneous first saves win and refuses the other, recording one change', async () => {
    const k = { ...key('node-888888'), fiscalYear: 2023 };
    const results = await Promise.all(
      ['一人目の文', '二人目の文'].map((text) =>
        store().analyses.save(k, { text, basis: 'b', expectedVersion: 0 }, W),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
    const changes = (await historyOf(store(), plan.planId)).filter(
      (h) => h.target.type === 'analysis' && h.fiscalYear === 2023,
    );
    expect(changes).toHaveLength(1);
  });

  it('keeps the draft state for the draft itself, and records nothing when nothing changes', async () => {
    const k = { ...key('node-999999'), fiscalYear: 2021 };
    await store().analyses.save(k, { text: '下書き', basis: '下書き', expectedVersion: 0 }, W);
    const count = (await historyOf(store(), plan.planId)).length;
    expect(
      await store().analyses.save(k, { text: '下書き', basis: '下書き', expectedVersion: 1 }, W),
    ).toEqual({
      ok: true,
      version: 1,
    });
    expect((await historyOf(store(), plan.planId)).length).toBe(count);
    expect((await store().analyses.list('012050', plan.planId, 2021)).get(k.scope)?.state).toBe(
      'draft',
    );
  });

  it('is scoped to the municipality: another one’s plan is not found and nothing leaks', async () => {
    await expect(
      store().analyses.save(
        key('plan', '011002'),
        { text: 'x', basis: 'x', expectedVersion: 0 },
        W,
      ),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect((await store().analyses.list('011002', plan.planId, 2022)).size).toBe(0);
    expect((await store().analyses.list('011002', other.planId, 2022)).size).toBe(0);
  });

  it('changes the plan’s content version when a text is approved', async () => {
    const before = await store().contentVersions.ofPlan(plan.planId);
    await store().analyses.approve(
      { ...key('plan'), fiscalYear: 2020 },
      { text: '公表する文', basis: '公表する文', expectedVersion: 0 },
      W,
    );
    const after = await store().contentVersions.ofPlan(plan.planId);
    expect(after?.version).not.toBe(before?.version);
  });
});
