import { beforeAll, expect, it } from 'vitest';
import { historyOf, SEED_NOW, seedPlan } from '../kpis/kpi-store-seed.ts';
import { describeEachDialect } from '../store-test-support.ts';

const W = { userId: null, origin: 'web' as const, now: SEED_NOW };

describeEachDialect('evaluation store', (store) => {
  let plan: Awaited<ReturnType<typeof seedPlan>>;
  let other: Awaited<ReturnType<typeof seedPlan>>;
  const key = (fiscalYear: number) => ({
    municipalityCode: '012050',
    planId: plan.planId,
    projectId: plan.projectId,
    fiscalYear,
  });
  beforeAll(async () => {
    plan = await seedPlan(store(), '012050');
    other = await seedPlan(store(), '011002');
  });

  it('saves an evaluation and a comment of a locked year, each with its history', async () => {
    await store().evaluations.save(key(2022), { effect: '効果があった', policy: '継続' }, W);
    await store().evaluations.addComment(key(2022), { role: 'committee', text: '改善を' }, W);
    const e = (await store().evaluations.list('012050', plan.planId, 2022)).get(plan.projectId);
    expect(e).toMatchObject({ effect: '効果があった', policy: '継続' });
    expect(e?.comments.map((c) => [c.role, c.text])).toEqual([['committee', '改善を']]);
    const history = await historyOf(store(), plan.planId);
    expect(history.map((h) => [h.target.type, h.fiscalYear, h.before, h.after])).toEqual([
      ['evaluation', 2022, null, { effect: '効果があった', policy: '継続' }],
      ['evaluation-comment', 2022, null, { role: 'committee', text: '改善を' }],
    ]);
  });

  it('refuses to change the evaluation or comments of a published year', async () => {
    await expect(
      store().evaluations.save(key(2020), { effect: '効果があった', policy: '継続' }, W),
    ).rejects.toMatchObject({ code: 'conflict', messageKey: 'evaluation.year-published' });
    await expect(
      store().evaluations.addComment(key(2020), { role: 'committee', text: 'x' }, W),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await store().evaluations.list('012050', plan.planId, 2020)).size).toBe(0);
  });

  it('is scoped to the municipality: a project of another one is not found', async () => {
    await expect(
      store().evaluations.save(
        {
          municipalityCode: '011002',
          planId: other.planId,
          projectId: plan.projectId,
          fiscalYear: 2021,
        },
        { effect: null, policy: '継続' },
        W,
      ),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect((await store().evaluations.list('011002', other.planId, 2021)).size).toBe(0);
  });

  it('adds an imported comment once and saves an unchanged evaluation without history', async () => {
    const k = key(2021);
    const imp = { ...W, origin: 'import' as const };
    await store().evaluations.save(k, { effect: null, policy: '拡充' }, imp);
    const first = await store().evaluations.addCommentOnce(
      k,
      { role: 'department', text: '周知' },
      imp,
    );
    expect(first).toEqual(expect.any(Number));
    const changes = (await historyOf(store(), plan.planId)).length;
    expect(await store().evaluations.save(k, { effect: null, policy: '拡充' }, imp)).toBe(false);
    expect(
      await store().evaluations.addCommentOnce(k, { role: 'department', text: '周知' }, imp),
    ).toBeNull();
    expect(await historyOf(store(), plan.planId)).toHaveLength(changes);
    const e = (await store().evaluations.list('012050', plan.planId, 2021)).get(plan.projectId);
    expect(e?.comments.map((c) => c.text)).toEqual(['周知']);
  });

  it('keeps municipality settings per municipality', async () => {
    expect(await store().municipalitySettings.find('012050')).toBeUndefined();
    const settings = { scaleId: 'abcd', thresholds: [110, 80, 50], policies: ['継続'] };
    await store().municipalitySettings.save('012050', settings, SEED_NOW);
    expect(await store().municipalitySettings.find('012050')).toEqual(settings);
    expect(await store().municipalitySettings.find('011002')).toBeUndefined();
  });
});
