import { expect, it } from 'vitest';
import type { Activity, Entry, Plan, Project } from '../../core/plan.ts';
import { samplePlan } from '../plans/sample-plan.ts';
import type { Store } from '../store.ts';
import { describeEachDialect } from '../store-test-support.ts';

const NOW = '2026-11-30T00:00:00.000Z';

/** The sample plan: projects 1…count, two activities each, both with two 2020 (R2) entries. */
function planOf(code: string, count = 2): Plan {
  const plan = samplePlan(count);
  return { ...plan, municipality: { code, name: `市${code}` } };
}

/** The plan with every activity changed by `change` (given its project and position). */
function withActivities(plan: Plan, change: (a: Activity, p: Project, i: number) => Activity) {
  const nodes = plan.nodes.map((n) => ({
    ...n,
    projects: n.projects.map((p) => ({
      ...p,
      finances: [{ fiscalYear: 2022, budget: 7_000, settlement: null }],
      activities: p.activities.map((a, i) => change(a, p, i)),
    })),
  }));
  return { ...plan, nodes };
}

/** A 2022 entry as a yearly file writes it (the same count as the stored 2020 ones). */
const r4 = (text: string, kind: Entry['kind'] = 'result'): Entry => ({
  kind,
  fiscalYear: 2022,
  yearLabel: 'R4',
  text,
  kpi: false,
});

async function storedWithPublished2020(store: Store, code: string) {
  const planId = await store.plans.save({ plan: planOf(code), fiscalYears: [2020], now: NOW });
  const scope = { municipalityCode: code, planId };
  await store.years.setUp({ ...scope, fiscalYear: 2020, status: 'published', at: NOW });
  return planId;
}

/** Every activity's entries, as `R2 実施` lines, project by project. */
async function entryLines(store: Store, code: string, planId: number) {
  const plan = await store.plans.load(code, planId);
  return plan?.nodes[0]?.projects.map((p) =>
    p.activities.map((a) => a.entries.map((e) => `${e.yearLabel} ${e.text}`)),
  );
}

const STORED_2020 = ['R2 実施', 'R2 41件'];

describeEachDialect('an import keeps the entries of a closed year as stored', (store) => {
  it('keeps the published 2020 entries when a 2022 file has as many entries of its own', async () => {
    const code = '012400';
    const planId = await storedWithPublished2020(store(), code);
    const file = withActivities(planOf(code), (a) => ({
      ...a,
      entries: [r4('継続', 'revision'), r4('55件')],
    }));
    expect(await store().plans.closedYearRemovals(file)).toEqual([]);
    await store().plans.save({ plan: file, fiscalYears: [2022], now: NOW });
    const both = [...STORED_2020, 'R4 継続', 'R4 55件'];
    expect(await entryLines(store(), code, planId)).toEqual([
      [both, both],
      [both, both],
    ]);
    // The next 2022 import replaces its own year's entries, still keeping 2020's.
    const again = withActivities(planOf(code), (a) => ({ ...a, entries: [r4('60件')] }));
    await store().plans.save({ plan: again, fiscalYears: [2022], now: NOW });
    const next = [...STORED_2020, 'R4 60件'];
    expect(await entryLines(store(), code, planId)).toEqual([
      [next, next],
      [next, next],
    ]);
  });

  it('accepts a file repeating the 2020 entries unchanged, and writes them once', async () => {
    const code = '012410';
    const planId = await storedWithPublished2020(store(), code);
    const file = withActivities(planOf(code), (a) => ({
      ...a,
      entries: [...a.entries, r4('55件')],
    }));
    await store().plans.save({ plan: file, fiscalYears: [2022], now: NOW });
    const lines = [...STORED_2020, 'R4 55件'];
    expect(await entryLines(store(), code, planId)).toEqual([
      [lines, lines],
      [lines, lines],
    ]);
  });

  it('refuses a file changing or adding a 2020 entry or the words of its activity, naming each', async () => {
    const code = '012420';
    const planId = await storedWithPublished2020(store(), code);
    const before = await store().plans.load(code, planId);
    const file = withActivities(planOf(code), (a, p, i) => {
      if (p.no === '1' && i === 0) {
        const [first, second] = a.entries as [Entry, Entry];
        return { ...a, entries: [first, { ...second, text: '45件' }, r4('55件')] };
      }
      if (p.no === '1' && i === 1) return { ...a, text: '融資（拡充）' };
      if (p.no === '2' && i === 1) {
        const extra = { ...r4('追加'), fiscalYear: 2020, yearLabel: 'R2' };
        return { ...a, entries: [...a.entries, extra] };
      }
      return a;
    });
    const saving = store().plans.save({ plan: file, fiscalYears: [2022], now: NOW });
    await expect(saving).rejects.toMatchObject({ code: 'conflict', messageKey: 'keep.refused' });
    const findings = ((await saving.catch((e: unknown) => e)) as { findings: unknown[] }).findings;
    const at = (projectNo: string) => ({ projectNo, fiscalYear: 2020 });
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'keep.entry-changed.published',
        location: at('1'),
        params: {
          name: '事業1',
          position: 1,
          title: '相談',
          entry: 2,
          stored: '41件',
          text: '45件',
        },
      },
      {
        severity: 'error',
        code: 'keep.activity-text.published',
        location: at('1'),
        params: { name: '事業1', position: 2, title: '融資', text: '融資（拡充）' },
      },
      {
        severity: 'error',
        code: 'keep.entry-added.published',
        location: at('2'),
        params: { name: '事業2', position: 2, title: '融資', text: '追加' },
      },
    ]);
    // The dry run's question gets the same answer.
    expect(await store().plans.closedYearRemovals(file)).toEqual(findings);
    expect(await store().plans.load(code, planId)).toEqual(before);
  });

  it('matches open years by position as before: without a closed year, a file replaces them', async () => {
    const code = '012430';
    const planId = await store().plans.save({ plan: planOf(code), fiscalYears: [2020], now: NOW });
    const file = withActivities(planOf(code), (a) => ({ ...a, entries: [r4('55件')] }));
    await store().plans.save({ plan: file, fiscalYears: [2022], now: NOW });
    const lines = [['R4 55件']];
    expect(await entryLines(store(), code, planId)).toEqual([
      [lines[0], lines[0]],
      [lines[0], lines[0]],
    ]);
  });
});
