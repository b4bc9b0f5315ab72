import type { FiscalYear } from './fiscal-year.ts';
import type { Activity, Plan, PlanNode, Project } from './plan.ts';

/**
 * What is public is one rule: a thing is public when the fiscal year it was created or changed
 * in is published. Things that came with the plan (no year) are public with the plan itself,
 * which the public sees only once some year is published (permissions.canReadPlan).
 */
export type PublishedYears = ReadonlySet<FiscalYear>;

export function isPublicYear(
  fiscalYear: FiscalYear | null | undefined,
  published: PublishedYears,
): boolean {
  return fiscalYear === null || fiscalYear === undefined || published.has(fiscalYear);
}

/** Records that belong to one fiscal year (evaluations, comments, history): its year decides. */
export function publicRecords<T extends { fiscalYear: FiscalYear | null }>(
  records: readonly T[],
  published: PublishedYears,
): T[] {
  return records.filter((r) => r.fiscalYear !== null && published.has(r.fiscalYear));
}

/** A KPI as the public sees it: defined in a published year (or with the plan), published actuals. */
export function publicKpis<
  T extends { introducedIn?: FiscalYear | null; actuals: readonly { fiscalYear: FiscalYear }[] },
>(kpis: readonly T[], published: PublishedYears): T[] {
  return kpis
    .filter((k) => isPublicYear(k.introducedIn, published))
    .map((k) => ({ ...k, actuals: k.actuals.filter((a) => published.has(a.fiscalYear)) }));
}

function publicActivities(activities: readonly Activity[], published: PublishedYears): Activity[] {
  return activities
    .filter((a) => isPublicYear(a.introducedIn, published))
    .map((a) => ({
      ...a,
      // Undated entries stay with their activity: they came with it from a published table.
      entries: a.entries.filter((e) => isPublicYear(e.fiscalYear, published)),
    }));
}

function publicProject(p: Project, published: PublishedYears): Project {
  return {
    ...p,
    finances: p.finances.filter((f) => published.has(f.fiscalYear)),
    activities: publicActivities(p.activities, published),
  };
}

/** A (再掲) link is kept only while the item it points at is public, at its public position. */
function relinkRelists(projected: Plan, original: Plan, published: PublishedYears): void {
  const positions = new Map<string, Map<number, number>>();
  for (const p of projectsOf(original)) {
    const map = new Map<number, number>();
    let next = 0;
    for (const [i, a] of p.activities.entries()) {
      if (isPublicYear(a.introducedIn, published)) map.set(i + 1, ++next);
    }
    positions.set(p.no, map);
  }
  for (const p of projectsOf(projected)) {
    for (const a of p.activities) {
      if (!a.relistOf) continue;
      const at = positions.get(a.relistOf.projectNo)?.get(a.relistOf.position);
      a.relistOf = at === undefined ? null : { ...a.relistOf, position: at };
    }
  }
}

function projectsOf(plan: Pick<Plan, 'nodes'>): Project[] {
  const out: Project[] = [];
  const walk = (nodes: readonly PlanNode[]) => {
    for (const n of nodes) {
      for (const p of n.projects) out.push(p);
      walk(n.children);
    }
  };
  walk(plan.nodes);
  return out;
}

/**
 * The plan as the public may see it: figures, stated totals and dated entries of published
 * years, and only the activities added in a published year (or with the plan). Projects keep
 * their tree order, so callers can pair them with the original's one by one.
 */
export function publicPlan(plan: Plan, published: PublishedYears): Plan {
  const node = (n: PlanNode): PlanNode => ({
    title: n.title,
    children: n.children.map(node),
    projects: n.projects.map((p) => publicProject(p, published)),
  });
  const projected: Plan = {
    ...plan,
    nodes: plan.nodes.map(node),
    statedTotals: plan.statedTotals.filter((t) => published.has(t.fiscalYear)),
  };
  relinkRelists(projected, plan, published);
  return projected;
}
