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

  it('saves imported evaluations once: the same import again writes and records nothing', async () => {
    const imp = { ...W, origin: 'import' as const };
    const items = [
      {
        projectId: plan.projectId,
        fiscalYear: 2021,
        effect: null,
        policy: '拡充',
        comment: '周知',
      },
    ];
    const run = (list: typeof items) =>
      store().evaluations.saveImported(
        { municipalityCode: '012050', planId: plan.planId, items: list },
        imp,
      );
    const changes = (await historyOf(store(), plan.planId)).length;
    await run(items);
    const added = (await historyOf(store(), plan.planId)).slice(changes);
    expect(added.map((h) => [h.target.type, h.before, h.after])).toEqual([
      ['evaluation', null, { effect: null, policy: '拡充' }],
      ['evaluation-comment', null, { role: 'department', text: '周知' }],
    ]);
    await run(items);
    expect(await historyOf(store(), plan.planId)).toHaveLength(changes + 2);
    await run([{ ...items[0], policy: '継続' } as (typeof items)[number]]);
    const last = (await historyOf(store(), plan.planId)).slice(changes + 2);
    expect(last.map((h) => [h.target.type, h.before, h.after])).toEqual([
      ['evaluation', { effect: null, policy: '拡充' }, { effect: null, policy: '継続' }],
    ]);
    const e = (await store().evaluations.list('012050', plan.planId, 2021)).get(plan.projectId);
    expect(e?.comments.map((c) => c.text)).toEqual(['周知']);
    await expect(
      run([{ ...items[0], fiscalYear: 2020 } as (typeof items)[number]]),
    ).rejects.toMatchObject({
      messageKey: 'evaluation.year-published',
    });
  });

  it('keeps municipality settings per municipality', async () => {
    expect(await store().municipalitySettings.find('012050')).toBeUndefined();
    const settings = { scaleId: 'abcd', thresholds: [110, 80, 50], policies: ['継続'] };
    await store().municipalitySettings.save('012050', settings, SEED_NOW);
    expect(await store().municipalitySettings.find('012050')).toEqual(settings);
    expect(await store().municipalitySettings.find('011002')).toBeUndefined();
  });
});
