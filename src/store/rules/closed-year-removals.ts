import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import type { Finding } from '../../core/finding.ts';
import { allProjects, type Plan, type PlanNode, type Project } from '../../core/plan.ts';
import type { DB } from '../schema.ts';
import { closedYearEntries } from './closed-year-entries.ts';
import { type ClosedYearHoldings, readClosedYearHoldings } from './closed-year-holdings.ts';

type Scope = { municipalityCode: string; planId: number };

/**
 * What saving `plan` over the stored one would delete of its locked and published years, one
 * finding per item and year: a project whose number the plan no longer has, an activity past
 * the end of its kept project's list, a node whose path of titles is gone; and what it would
 * change of their entries (closed-year-entries.ts). Items are matched as the save matches them (src/store/save-plan.ts); an item is named
 * once, by the outermost thing deleted (a project's activities go with it).
 */
export function closedYearRemovals(
  holdings: ClosedYearHoldings,
  plan: Pick<Plan, 'nodes'>,
): Finding[] {
  const status = (fy: number) => holdings.statuses.get(fy) ?? 'locked';
  const planned = new Map(allProjects(plan).map((p) => [p.no, p]));
  const findings: Finding[] = [];
  const add = (kind: string, fiscalYears: number[], at: Finding['location'], params = {}) => {
    for (const fy of fiscalYears) {
      const location = { ...at, fiscalYear: fy };
      findings.push({ severity: 'error', code: `keep.${kind}.${status(fy)}`, location, params });
    }
  };
  const projects = new Map(holdings.projects.map((p) => [p.id, p]));
  const kept = new Map<number, Project>();
  for (const p of holdings.projects) {
    const now = planned.get(p.no);
    if (now) kept.set(p.id, now);
    else add('project', p.years, { projectNo: p.no }, { name: p.name });
  }
  for (const a of holdings.activities) {
    const now = kept.get(a.projectId);
    const project = projects.get(a.projectId);
    if (!now || !project || a.index < now.activities.length) continue;
    const params = { name: project.name, position: a.index + 1, title: a.title };
    add('activity', a.years, { projectNo: project.no }, params);
  }
  // Entries are matched by fiscal year, not position (closed-year-entries.ts).
  findings.push(...closedYearEntries(holdings, plan).findings);
  const paths = nodePaths(plan.nodes);
  for (const n of holdings.nodes) {
    if (!paths.has(pathKey(n.path))) add('node', n.years, {}, { title: n.path.join(' > ') });
  }
  return findings;
}

const pathKey = (path: readonly string[]) => path.join('\u0000');

function nodePaths(roots: readonly PlanNode[]): Set<string> {
  const keys = new Set<string>();
  const walk = (nodes: readonly PlanNode[], path: string[]) => {
    for (const node of nodes) {
      const own = [...path, node.title];
      keys.add(pathKey(own));
      walk(node.children, own);
    }
  };
  walk(roots, []);
  return keys;
}

/** The findings of saving `plan` over the stored plan `scope` (none when no year is closed). */
export async function findClosedYearRemovals(
  db: Kysely<DB>,
  scope: Scope,
  plan: Plan,
): Promise<Finding[]> {
  const holdings = await readClosedYearHoldings(db, scope);
  return holdings ? closedYearRemovals(holdings, plan) : [];
}

/**
 * The rule, inside the save's transaction and before it writes: a save that would delete or
 * change data of a locked or published year (a project, activity, entry or node holding it, with
 * all that cascades from it) is refused whole, naming every such item at once. Returns the plan
 * to write: `plan` with the closed years' entries it leaves out put back as stored.
 */
export async function assertClosedYearsKept(
  trx: Kysely<DB>,
  scope: Scope,
  plan: Plan,
): Promise<Plan> {
  const holdings = await readClosedYearHoldings(trx, scope);
  if (!holdings) return plan;
  const findings = closedYearRemovals(holdings, plan);
  if (findings.length > 0) {
    throw new SouseiError('conflict', 'keep.refused', { count: findings.length }, findings);
  }
  return closedYearEntries(holdings, plan).plan;
}
