import { expect, it } from 'vitest';
import type { Plan, Project } from '../../core/plan.ts';
import { samplePlan } from '../plans/sample-plan.ts';
import { databaseOf } from '../raw-database.ts';
import type { Store } from '../store.ts';
import { describeEachDialect } from '../store-test-support.ts';

const NOW = '2026-11-30T00:00:00.000Z';

/** The sample plan (projects 1…count, each with 2020 and 2021 figures and 2020 results). */
function planOf(code: string, count: number): Plan {
  const plan = samplePlan(count);
  return { ...plan, municipality: { code, name: `市${code}` } };
}

/** The plan with its projects changed (or dropped, when `change` gives undefined). */
function edited(plan: Plan, change: (p: Project) => Project | undefined): Plan {
  const nodes = plan.nodes.map((n) => ({
    ...n,
    projects: n.projects.map(change).filter((p): p is Project => p !== undefined),
  }));
  return { ...plan, nodes };
}

async function storedWithClosedYears(store: Store, code: string, count: number) {
  const planId = await store.plans.save({
    plan: planOf(code, count),
    fiscalYears: [2020, 2021],
    now: NOW,
  });
  const scope = { municipalityCode: code, planId };
  await store.years.setUp({ ...scope, fiscalYear: 2020, status: 'published', at: NOW });
  await store.years.setUp({ ...scope, fiscalYear: 2021, status: 'locked', at: NOW });
  return planId;
}

/** A KPI of the node `title` with an actual of `fiscalYear` (node KPIs cascade with the node). */
async function nodeKpiActual(store: Store, code: string, planId: number, title: string) {
  const db = databaseOf(store);
  const node = await db
    .selectFrom('plan_nodes')
    .select('id')
    .where('plan_id', '=', planId)
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
  const kpi = await db
    .insertInto('kpis')
    .values({
      municipality_code: code,
      plan_id: planId,
      scope: 'node',
      node_id: node.id,
      project_id: null,
      position: 0,
      name: '転入者数',
      unit: '人',
      direction: 'up',
      kind: 'count',
      baseline_value: null,
      baseline_fiscal_year: null,
      target_value: 100,
      target_fiscal_year: 2024,
      updated_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('kpi_actuals')
    .values({
      kpi_id: kpi.id,
      municipality_code: code,
      fiscal_year: 2020,
      value: 42,
      updated_at: NOW,
      as_of: null,
      source: null,
      entry_id: null,
      updated_by: null,
    })
    .execute();
}

async function rowCounts(store: Store, code: string) {
  const db = databaseOf(store);
  const count = async (table: 'projects' | 'activities' | 'activity_entries' | 'kpi_actuals') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('municipality_code', '=', code)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    projects: await count('projects'),
    activities: await count('activities'),
    entries: await count('activity_entries'),
    kpiActuals: await count('kpi_actuals'),
  };
}

describeEachDialect('an import never deletes what a closed year holds', (store) => {
  it('refuses an open-year save that leaves out closed-year data, naming every item, writing nothing', async () => {
    const code = '012300';
    const planId = await storedWithClosedYears(store(), code, 3);
    await nodeKpiActual(store(), code, planId, 'ひと');
    const before = await store().plans.load(code, planId);
    const counts = await rowCounts(store(), code);
    // Project 3 goes; project 2 loses its second activity; project 1's first activity loses its
    // second entry; the node ひと (holding a KPI's 2020 actual) goes. All of 2020 and 2021.
    const next = edited(planOf(code, 3), (p) => {
      if (p.no === '3') return undefined;
      if (p.no === '2') return { ...p, activities: p.activities.slice(0, 1) };
      const [first, ...rest] = p.activities;
      if (!first) return p;
      return { ...p, activities: [{ ...first, entries: first.entries.slice(0, 1) }, ...rest] };
    });
    const withoutNode = { ...next, nodes: next.nodes.filter((n) => n.title !== 'ひと') };
    const saving = store().plans.save({ plan: withoutNode, fiscalYears: [2022], now: NOW });
    await expect(saving).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'keep.refused',
      params: { count: 5 },
    });
    const error = await saving.catch((e: unknown) => e);
    const findings = (error as { findings: unknown[] }).findings;
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'keep.project.published',
        location: { projectNo: '3', fiscalYear: 2020 },
        params: { name: '事業3' },
      },
      {
        severity: 'error',
        code: 'keep.project.locked',
        location: { projectNo: '3', fiscalYear: 2021 },
        params: { name: '事業3' },
      },
      {
        severity: 'error',
        code: 'keep.activity.published',
        location: { projectNo: '2', fiscalYear: 2020 },
        params: { name: '事業2', position: 2, title: '融資' },
      },
      {
        severity: 'error',
        code: 'keep.entry.published',
        location: { projectNo: '1', fiscalYear: 2020 },
        params: { name: '事業1', position: 1, title: '相談', entry: 2 },
      },
      {
        severity: 'error',
        code: 'keep.node.published',
        location: { fiscalYear: 2020 },
        params: { title: 'ひと' },
      },
    ]);
    // The dry run's question gets the same answer, before anything is tried.
    expect(await store().plans.closedYearRemovals(withoutNode)).toEqual(findings);
    expect(await store().plans.load(code, planId)).toEqual(before);
    expect(await rowCounts(store(), code)).toEqual(counts);
  });

  it('still deletes what only open or unstarted years hold (an edit of the open year)', async () => {
    const code = '012310';
    const planId = await storedWithClosedYears(store(), code, 2);
    const added = edited(planOf(code, 3), (p) =>
      p.no === '3'
        ? {
            ...p,
            finances: [{ fiscalYear: 2022, budget: 9_000, settlement: null }],
            activities: p.activities.map((a) => ({
              ...a,
              entries: a.entries.map((e) => ({ ...e, fiscalYear: 2022, yearLabel: 'R4' })),
            })),
          }
        : p,
    );
    await store().plans.save({ plan: added, fiscalYears: [2022], now: NOW });
    expect((await rowCounts(store(), code)).projects).toBe(3);
    // Project 3 (2022 only) goes, and with it the node ひと, which holds nothing.
    const dropped = planOf(code, 2);
    const withoutNode = { ...dropped, nodes: dropped.nodes.filter((n) => n.title !== 'ひと') };
    expect(await store().plans.closedYearRemovals(withoutNode)).toEqual([]);
    await store().plans.save({ plan: withoutNode, fiscalYears: [2022], now: NOW });
    const after = await store().plans.load(code, planId);
    expect(after?.nodes.map((n) => n.title)).toEqual(['しごと']);
    expect(after?.nodes[0]?.projects.map((p) => p.no)).toEqual(['1', '2']);
  });

  it('asks nothing of a plan without closed years: anything may go', async () => {
    const code = '012320';
    const planId = await store().plans.save({
      plan: planOf(code, 2),
      fiscalYears: [2020],
      now: NOW,
    });
    const one = planOf(code, 1);
    expect(await store().plans.closedYearRemovals(one)).toEqual([]);
    await store().plans.save({ plan: one, fiscalYears: [2020], now: NOW });
    expect((await store().plans.load(code, planId))?.nodes[0]?.projects).toHaveLength(1);
  });
});
