import { SouseiError } from '../../core/errors.ts';
import { type Actor, canEditProjectYear } from '../../core/permissions.ts';
import { type Activity, allProjects, type Entry, type Project } from '../../core/plan.ts';
import { totalsOfProjects } from '../../core/totals.ts';
import type { ProjectStatus, YearStatus } from '../../core/workflow.ts';
import type { ProjectRef } from '../../store/load-plan.ts';
import type { AppContext } from '../app-context.ts';
import { loadProjectMetrics, type ProjectMetricsView } from '../metrics/project-metrics.ts';
import { type HistoryItem, listHistory } from '../workflow/history.ts';
import { type PathStep, projectPaths } from './plan-paths.ts';
import type { PlanView } from './plan-view.ts';

/** A project's figures for one fiscal year; null amounts are missing (`-`), never 0. */
export interface ProjectYearFigures {
  fiscalYear: number;
  status: YearStatus;
  budget: number | null;
  settlement: number | null;
  rate: number | null;
}

/** An activity's entries of one fiscal year, or (fiscalYear null) those written without one. */
export interface EntryGroup {
  fiscalYear: number | null;
  entries: Entry[];
}

export interface ActivityView {
  activity: Activity;
  /** Dated groups oldest first, then the undated entries. */
  groups: EntryGroup[];
  /** For a (再掲) item: the project (and position) of the item it repeats, when visible. */
  relistOf: { projectId: number; no: string; name: string; position: number } | null;
}

/** What only members of the municipality see: entry status, whether they may edit, history. */
export interface ProjectMemberView {
  fiscalYear: number;
  yearStatus: YearStatus;
  status: ProjectStatus;
  comment: string | null;
  canEdit: boolean;
  history: HistoryItem[];
}

export interface ProjectView {
  project: Project;
  ref: ProjectRef;
  path: PathStep[];
  /** Every year the actor may read, oldest first. */
  figures: ProjectYearFigures[];
  activities: ActivityView[];
  member: ProjectMemberView | null;
  /** The figures read from its results, their trends, and which year's may be confirmed. */
  metrics: ProjectMetricsView;
}

/** How many changes the project page lists. */
export const PROJECT_HISTORY_LIMIT = 20;

/** Groups an activity's entries per fiscal year, undated ones last, each in written order. */
export function groupEntries(entries: readonly Entry[]): EntryGroup[] {
  const dated = new Map<number, Entry[]>();
  const undated: Entry[] = [];
  for (const e of entries) {
    if (e.fiscalYear === null) undated.push(e);
    else dated.set(e.fiscalYear, [...(dated.get(e.fiscalYear) ?? []), e]);
  }
  const groups: EntryGroup[] = [...dated]
    .sort(([a], [b]) => a - b)
    .map(([fiscalYear, list]) => ({ fiscalYear, entries: list }));
  if (undated.length > 0) groups.push({ fiscalYear: null, entries: undated });
  return groups;
}

/**
 * One project of a loaded plan view, as the actor may see it. A project id of another plan or
 * municipality, or one the actor cannot see, is not found (the view only holds visible ones).
 * `fiscalYear` is the selected year: members see the project's entry status for it.
 */
export async function loadProjectView(
  ctx: AppContext,
  actor: Actor | null,
  view: PlanView,
  projectId: number,
  fiscalYear: number,
): Promise<ProjectView> {
  const found = [...view.refs].find(([, ref]) => ref.id === projectId);
  if (!found) throw new SouseiError('not-found', 'project.not-found', { id: projectId });
  const [project, ref] = found;
  const projects = allProjects(view.plan);
  const figures = view.years
    .filter((y) => view.readableYears.includes(y.fiscalYear))
    .map((y) => ({
      fiscalYear: y.fiscalYear,
      status: y.status,
      ...totalsOfProjects([project], y.fiscalYear),
    }));
  const activities = project.activities.map((activity) => {
    const target = activity.relistOf;
    const original = target ? projects.find((p) => p.no === target.projectNo) : undefined;
    const originalRef = original ? view.refs.get(original) : undefined;
    return {
      activity,
      groups: groupEntries(activity.entries),
      relistOf:
        target && original && originalRef
          ? {
              projectId: originalRef.id,
              no: original.no,
              name: original.name,
              position: target.position,
            }
          : null,
    };
  });
  let member: ProjectMemberView | null = null;
  if (view.isMember && actor) {
    const code = view.summary.municipalityCode;
    const planId = view.summary.id;
    const yearStatus = view.years.find((y) => y.fiscalYear === fiscalYear)?.status ?? 'preparing';
    const entry = await ctx.store.projectYears.status(code, { id: ref.id, planId }, fiscalYear);
    const status = entry.status;
    member = {
      fiscalYear,
      yearStatus,
      status,
      comment: entry?.comment ?? null,
      canEdit: canEditProjectYear(actor, code, ref, yearStatus, status),
      history: await listHistory(ctx, {
        municipalityCode: code,
        planId,
        projectId: ref.id,
        limit: PROJECT_HISTORY_LIMIT,
      }),
    };
  }
  return {
    project,
    ref,
    path: projectPaths(view.plan).get(project) ?? [],
    figures,
    activities,
    member,
    metrics: await loadProjectMetrics(
      ctx,
      view,
      project,
      ref.id,
      member?.canEdit ? member.fiscalYear : null,
    ),
  };
}
