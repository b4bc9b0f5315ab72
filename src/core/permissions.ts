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
  return own && (status === 'entering' || status === 'returned');
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
