import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Activity, Entry, Plan, PlanNode, Project } from './plan.ts';
import { MURORAN_CONVENTIONS } from './plan.ts';
import { isPublicYear, publicKpis, publicPlan, publicRecords } from './public-projection.ts';

const YEARS = [2020, 2021, 2022, 2023, 2024];
const year = fc.constantFrom(...YEARS);
const yearOrNull = fc.option(year, { nil: null });

/** Every text carries the year it was written in, so what leaks can be seen in the output. */
const entry: fc.Arbitrary<Entry> = fc
  .record({
    kind: fc.constantFrom('result', 'revision'),
    fiscalYear: yearOrNull,
    kpi: fc.boolean(),
  })
  .map((e) => ({ ...e, yearLabel: null, text: `entry@${e.fiscalYear ?? 'plan'}` }) as Entry);

const activity: fc.Arbitrary<Activity> = fc
  .record({ introducedIn: yearOrNull, entries: fc.array(entry, { maxLength: 4 }) })
  .map(({ introducedIn, entries }) => ({
    title: `activity@${introducedIn ?? 'plan'}`,
    text: `activity@${introducedIn ?? 'plan'}`,
    source: null,
    relistOf: null,
    entries,
    ...(introducedIn === null ? {} : { introducedIn }),
  }));

const project = (no: string): fc.Arbitrary<Project> =>
  fc
    .record({
      activities: fc.array(activity, { maxLength: 4 }),
      finances: fc.uniqueArray(year, { maxLength: 5 }),
    })
    .map(({ activities, finances }) => ({
      no,
      name: `project ${no}`,
      notes: [],
      department: null,
      // A year's cost breakdown names its year too, so a leaked detail shows in the output.
      finances: finances.map((fy) => ({
        fiscalYear: fy,
        budget: fy * 1000,
        settlement: null,
        details: [{ label: `detail@${fy}`, kind: 'source' as const, amount: fy }],
      })),
      activities,
      tags: ['総合戦略'],
    }));

const plan: fc.Arbitrary<Plan> = fc
  .tuple(project('1'), project('2'), project('3'), fc.uniqueArray(year, { maxLength: 5 }))
  .map(([p1, p2, p3, totals]) => {
    const node: PlanNode = {
      title: 'goal',
      children: [{ title: 'measure', children: [], projects: [p2, p3] }],
      projects: [p1],
    };
    return {
      municipality: { code: '012050', name: '室蘭市' },
      plan: {
        title: 'plan',
        kind: '総合戦略',
        firstFiscalYear: 2020,
        lastFiscalYear: 2024,
        levels: ['基本目標', '施策', '事業'],
      },
      amountUnit: '千円',
      conventions: MURORAN_CONVENTIONS,
      nodes: [node],
      statedTotals: totals.map((fy) => ({ fiscalYear: fy, budget: 1, settlement: 1 })),
    };
  });

const publishedSet = fc.uniqueArray(year, { maxLength: 5 }).map((ys) => new Set(ys));

/** Every year a text or figure of the projection was written in. */
function yearsIn(p: Plan): (number | null)[] {
  const out: (number | null)[] = p.statedTotals.map((t) => t.fiscalYear);
  const walk = (nodes: PlanNode[]) => {
    for (const n of nodes) {
      for (const pr of n.projects) {
        out.push(...pr.finances.map((f) => f.fiscalYear));
        for (const a of pr.activities) {
          out.push(a.introducedIn ?? null, ...a.entries.map((e) => e.fiscalYear));
        }
      }
      walk(n.children);
    }
  };
  walk(p.nodes);
  return out;
}

describe('the public projection', () => {
  it('holds nothing created or changed in an unpublished year', () => {
    fc.assert(
      fc.property(plan, publishedSet, (p, published) => {
        const projected = publicPlan(p, published);
        for (const fy of yearsIn(projected)) expect(isPublicYear(fy, published)).toBe(true);
        const text = JSON.stringify(projected);
        for (const fy of YEARS) {
          if (!published.has(fy)) expect(text).not.toContain(`@${fy}`);
        }
      }),
    );
  });

  it('keeps everything of published years and of the plan itself', () => {
    fc.assert(
      fc.property(plan, publishedSet, (p, published) => {
        const projected = publicPlan(p, published);
        const kept = yearsIn(projected);
        const expected = yearsIn(p).filter((fy) => isPublicYear(fy, published));
        // Entries of hidden activities go with them; count only what lives outside those.
        expect(kept.length).toBeLessThanOrEqual(expected.length);
        const all = new Set(YEARS);
        expect(yearsIn(publicPlan(p, all))).toEqual(yearsIn(p));
      }),
    );
  });

  it('shows the cost breakdown of a year with its year only, and the tags with the plan', () => {
    fc.assert(
      fc.property(plan, publishedSet, (p, published) => {
        const projected = publicPlan(p, published);
        const projects = (x: Plan) =>
          x.nodes.flatMap((n) => [n, ...n.children]).flatMap((n) => n.projects);
        for (const [i, pr] of projects(projected).entries()) {
          const original = projects(p)[i];
          expect(pr.tags).toEqual(original?.tags);
          const expected = original?.finances
            .filter((f) => published.has(f.fiscalYear))
            .flatMap((f) => f.details ?? []);
          expect(pr.finances.flatMap((f) => f.details ?? [])).toEqual(expected);
        }
      }),
    );
  });

  it('keeps the tree and the projects in order, so callers can pair them with the original', () => {
    fc.assert(
      fc.property(plan, publishedSet, (p, published) => {
        const names = (x: Plan) => JSON.stringify(x.nodes, ['title', 'children', 'projects', 'no']);
        expect(names(publicPlan(p, published))).toBe(names(p));
      }),
    );
  });

  it('moves a (再掲) link to the public position of its item, or drops it with the item', () => {
    const item = (text: string, introducedIn: number | null): Activity => ({
      title: text,
      text,
      source: null,
      relistOf: null,
      entries: [],
      ...(introducedIn === null ? {} : { introducedIn }),
    });
    const base = fc.sample(plan, 1)[0] as Plan;
    const [goal] = base.nodes as [PlanNode];
    const p1 = goal.projects[0] as Project;
    p1.activities = [item('hidden', 2021), item('shown', null), item('hidden too', 2021)];
    const p2 = goal.children[0]?.projects[0] as Project;
    p2.activities = [
      { ...item('relist of shown', null), relistOf: { projectNo: p1.no, position: 2 } },
      { ...item('relist of hidden', null), relistOf: { projectNo: p1.no, position: 3 } },
    ];
    const projected = publicPlan(base, new Set([2020]));
    const [r1, r2] = projected.nodes[0]?.children[0]?.projects[0]?.activities ?? [];
    expect(r1?.relistOf).toEqual({ projectNo: p1.no, position: 1 });
    expect(r2?.relistOf).toBeNull();
  });

  it('shows KPIs defined with the plan or in published years, with published actuals only', () => {
    const kpis = [
      { id: 1, actuals: [{ fiscalYear: 2020 }, { fiscalYear: 2021 }] },
      { id: 2, introducedIn: 2021, actuals: [{ fiscalYear: 2021 }] },
      { id: 3, introducedIn: 2020, actuals: [] },
    ];
    expect(publicKpis(kpis, new Set([2020]))).toEqual([
      { id: 1, actuals: [{ fiscalYear: 2020 }] },
      { id: 3, introducedIn: 2020, actuals: [] },
    ]);
  });

  it('shows year records (evaluations, comments, history) of published years only', () => {
    const records = [{ fiscalYear: 2020 }, { fiscalYear: 2021 }, { fiscalYear: null }];
    expect(publicRecords(records, new Set([2020]))).toEqual([{ fiscalYear: 2020 }]);
  });
});
