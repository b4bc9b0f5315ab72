import type { FiscalYear } from './fiscal-year.ts';
import type { Yen } from './money.ts';
import { allNodes, allProjects, financeFor, type Plan, type Project } from './plan.ts';

/** One difference between a stored plan and the one being imported, for a person to read. */
export type PlanChange =
  | { kind: 'plan-added'; title: string }
  | { kind: 'node-added' | 'node-removed'; level: string; title: string }
  | { kind: 'project-added' | 'project-removed'; no: string; name: string }
  | { kind: 'project-renamed'; no: string; before: string; after: string }
  | { kind: 'project-moved'; no: string; before: string; after: string }
  | { kind: 'project-notes-changed'; no: string }
  | { kind: 'project-tags-changed'; no: string }
  | { kind: 'finance-details-changed'; no: string; fiscalYear: FiscalYear }
  | { kind: 'project-activities-changed'; no: string; before: number; after: number }
  | {
      kind: 'finance-changed';
      no: string;
      fiscalYear: FiscalYear;
      field: 'budget' | 'settlement';
      before: Yen | null;
      after: Yen | null;
    };

function nodePaths(plan: Plan): Map<string, { level: string; title: string }> {
  const out = new Map<string, { level: string; title: string }>();
  const stack: string[] = [];
  for (const { node, depth } of allNodes(plan)) {
    stack.length = depth;
    stack.push(node.title);
    out.set(stack.join(' / '), { level: plan.plan.levels[depth] ?? '', title: node.title });
  }
  return out;
}

function parentTitles(plan: Plan): Map<Project, string> {
  const out = new Map<Project, string>();
  for (const { node } of allNodes(plan)) for (const p of node.projects) out.set(p, node.title);
  return out;
}

function sameActivities(a: Project, b: Project): boolean {
  return JSON.stringify(a.activities) === JSON.stringify(b.activities);
}

/**
 * What importing `after` over `before` changes. Finances are compared for the given fiscal
 * years only: an import writes the years its table reports and keeps the others.
 */
export function diffPlans(
  before: Plan | undefined,
  after: Plan,
  fiscalYears: readonly FiscalYear[],
): PlanChange[] {
  if (!before) return [{ kind: 'plan-added', title: after.plan.title }];
  const changes: PlanChange[] = [];
  const oldNodes = nodePaths(before);
  const newNodes = nodePaths(after);
  for (const [path, n] of newNodes)
    if (!oldNodes.has(path)) changes.push({ kind: 'node-added', ...n });
  for (const [path, n] of oldNodes)
    if (!newNodes.has(path)) changes.push({ kind: 'node-removed', ...n });

  const oldProjects = new Map(allProjects(before).map((p) => [p.no, p]));
  const oldParents = parentTitles(before);
  const newParents = parentTitles(after);
  for (const p of allProjects(after)) {
    const old = oldProjects.get(p.no);
    oldProjects.delete(p.no);
    if (!old) {
      changes.push({ kind: 'project-added', no: p.no, name: p.name });
      continue;
    }
    if (old.name !== p.name)
      changes.push({ kind: 'project-renamed', no: p.no, before: old.name, after: p.name });
    const from = oldParents.get(old) ?? '';
    const to = newParents.get(p) ?? '';
    if (from !== to) changes.push({ kind: 'project-moved', no: p.no, before: from, after: to });
    if (JSON.stringify(old.notes) !== JSON.stringify(p.notes))
      changes.push({ kind: 'project-notes-changed', no: p.no });
    // A file that carries no tags (undefined) keeps the stored ones: no change to report.
    if (p.tags !== undefined && JSON.stringify(old.tags ?? []) !== JSON.stringify(p.tags))
      changes.push({ kind: 'project-tags-changed', no: p.no });
    if (!sameActivities(old, p)) {
      changes.push({
        kind: 'project-activities-changed',
        no: p.no,
        before: old.activities.length,
        after: p.activities.length,
      });
    }
    for (const fy of fiscalYears) {
      const a = financeFor(old, fy);
      const b = financeFor(p, fy);
      for (const field of ['budget', 'settlement'] as const) {
        const x = a?.[field] ?? null;
        const y = b?.[field] ?? null;
        if (x !== y)
          changes.push({
            kind: 'finance-changed',
            no: p.no,
            fiscalYear: fy,
            field,
            before: x,
            after: y,
          });
      }
      // The breakdown is replaced with the year when the file carries one, as the import writes it.
      if (
        b?.details !== undefined &&
        JSON.stringify(a?.details ?? []) !== JSON.stringify(b.details)
      )
        changes.push({ kind: 'finance-details-changed', no: p.no, fiscalYear: fy });
    }
  }
  for (const p of oldProjects.values())
    changes.push({ kind: 'project-removed', no: p.no, name: p.name });
  return changes;
}
