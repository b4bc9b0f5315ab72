import { expect, it } from 'vitest';
import { describeEachDialect } from '../store-test-support.ts';
import { cycleFixture, NOW } from './cycle-fixture.ts';

describeEachDialect('project year store', (store) => {
  it('untouched until a step; submit, return with comment, reasons recorded', async () => {
    const f = await cycleFixture(store(), '011002');
    const s = store();
    const year = { municipalityCode: '011002', planId: f.planId, fiscalYear: 2021 };
    await s.years.transition({ ...year, action: 'open', reason: null, userId: f.userId, at: NOW });
    const project = { id: f.p1, planId: f.planId };
    expect(await s.projectYears.status('011002', project, 2021)).toEqual({
      status: 'untouched',
      comment: null,
    });
    const step = { ...year, projectId: f.p1, userId: f.userId, at: NOW, comment: null };
    await s.projectYears.transition({ ...step, action: 'submit', reasons: { result: '休止' } });
    await s.projectYears.transition({ ...step, action: 'return', comment: '決算を確認' });
    expect(await s.projectYears.statuses('011002', f.planId, 2021)).toEqual(
      new Map([[f.p1, { status: 'returned', comment: '決算を確認' }]]),
    );
    const history = await s.history.list({ ...year, projectId: f.p1 });
    expect(history.map((h) => h.after)).toEqual([
      { status: 'returned', comment: '決算を確認' },
      { status: 'submitted', comment: null, reasons: { result: '休止' } },
    ]);
    await expect(s.projectYears.transition({ ...step, action: 'accept' })).rejects.toMatchObject({
      messageKey: 'project.invalid-transition',
    });
  });

  it('refuses a step in a locked year, whoever asks', async () => {
    const f = await cycleFixture(store(), '012050');
    const s = store();
    const year = { municipalityCode: '012050', planId: f.planId, fiscalYear: 2021 };
    const by = { reason: null, userId: f.userId, at: NOW };
    await s.years.transition({ ...year, action: 'open', ...by });
    await s.years.transition({ ...year, action: 'lock', ...by });
    await expect(
      s.projectYears.transition({
        ...year,
        projectId: f.p1,
        action: 'submit',
        comment: null,
        userId: f.userId,
        at: NOW,
      }),
    ).rejects.toMatchObject({ code: 'conflict', messageKey: 'year.locked' });
  });

  it("never finds another municipality's project", async () => {
    const f = await cycleFixture(store(), '013021');
    expect((await store().projectYears.project('013021', f.p2)).no).toBe('2');
    await expect(store().projectYears.project('011002', f.p2)).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
