import type { ProjectAction, ProjectStatus, YearStatus } from './workflow.ts';

/**
 * Who may do what (issue #3). Every rule first asks whether the actor belongs to the
 * municipality: an account can never read unpublished data of, or write to, another one.
 */
export type Role = 'admin' | 'editor' | 'committee';

export const ROLES: readonly Role[] = ['admin', 'editor', 'committee'];

export interface Actor {
  userId: number;
  municipalityCode: string;
  role: Role;
  /** Departments an editor edits for (empty for other roles). */
  departmentIds: readonly number[];
}

const member = (actor: Actor | null, code: string): actor is Actor =>
  actor !== null && actor.municipalityCode === code;

/** Reading a fiscal year's figures: members always, the public once it is published. */
export function canReadYear(actor: Actor | null, code: string, status: YearStatus): boolean {
  return member(actor, code) || status === 'published';
}

/** Reading the plan at all (its tree): members, and the public when some year is published. */
export function canReadPlan(actor: Actor | null, code: string, anyPublished: boolean): boolean {
  return member(actor, code) || anyPublished;
}

export function isAdmin(actor: Actor | null, code: string): actor is Actor {
  return member(actor, code) && actor.role === 'admin';
}

/**
 * Editing a project's figures and results for a year: the year must be open; an administrator
 * may edit any project until it is accepted, an editor only projects of their own departments
 * while they are still being entered or were returned.
 */
export function canEditProjectYear(
  actor: Actor | null,
  code: string,
  project: { departmentId: number | null },
  year: YearStatus,
  status: ProjectStatus,
): boolean {
  if (!member(actor, code) || year !== 'open') return false;
  if (actor.role === 'admin') return status !== 'accepted';
  if (actor.role !== 'editor') return false;
  const own = project.departmentId !== null && actor.departmentIds.includes(project.departmentId);
  return own && (status === 'untouched' || status === 'entering' || status === 'returned');
}

export function canActOnProject(
  actor: Actor | null,
  code: string,
  project: { departmentId: number | null },
  year: YearStatus,
  action: ProjectAction,
): boolean {
  if (!member(actor, code) || year !== 'open') return false;
  if (action === 'submit') {
    if (actor.role === 'admin') return true;
    return (
      actor.role === 'editor' &&
      project.departmentId !== null &&
      actor.departmentIds.includes(project.departmentId)
    );
  }
  return actor.role === 'admin';
}

/**
 * KPIs: administrators define and report the KPIs of goals and measures, and any project's;
 * an editor those of their own departments' projects (issue #4). Actuals need the year open.
 */
export function canManageKpi(
  actor: Actor | null,
  code: string,
  target: { scope: 'goal' | 'measure' | 'project'; departmentId: number | null },
): boolean {
  if (!member(actor, code)) return false;
  if (actor.role === 'admin') return true;
  return (
    actor.role === 'editor' &&
    target.scope === 'project' &&
    target.departmentId !== null &&
    actor.departmentIds.includes(target.departmentId)
  );
}

export function canEnterKpiActual(
  actor: Actor | null,
  code: string,
  target: { scope: 'goal' | 'measure' | 'project'; departmentId: number | null },
  year: YearStatus,
): boolean {
  return year === 'open' && canManageKpi(actor, code, target);
}

/**
 * The committee's evaluation (事業効果, 今後の方針) is the committee's and the planning
 * division's; comments come from each role: 担当課 (own projects), 企画課, committee.
 */
export function canEvaluate(actor: Actor | null, code: string): boolean {
  return member(actor, code) && (actor.role === 'committee' || actor.role === 'admin');
}

export type CommentRole = 'department' | 'planning' | 'committee';

export function commentRoleOf(
  actor: Actor | null,
  code: string,
  project: { departmentId: number | null },
): CommentRole | null {
  if (!member(actor, code)) return null;
  if (actor.role === 'admin') return 'planning';
  if (actor.role === 'committee') return 'committee';
  const own = project.departmentId !== null && actor.departmentIds.includes(project.departmentId);
  return own ? 'department' : null;
}
