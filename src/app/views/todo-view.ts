import { SouseiError } from '../../core/errors.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Actor } from '../../core/permissions.ts';
import type { ProjectStatus } from '../../core/workflow.ts';
import type { AppContext } from '../app-context.ts';
import { loadPlanView, type PlanView } from './plan-view.ts';
import { type ProgressRow, yearProgress } from './year-progress.ts';

export interface TodoView {
  view: PlanView;
  /** The year open for entry, if any. */
  fiscalYear: FiscalYear | null;
  rows: ProgressRow[];
}

/** Returned work first (someone is waiting), then what nobody started, then the rest. */
const ORDER: Record<ProjectStatus, number> = {
  returned: 0,
  untouched: 1,
  entering: 2,
  submitted: 3,
  accepted: 4,
};

/**
 * An editor's to-do list: their projects in the year open for entry with status, returned ones
 * first with the return comment. Administrators see every project (editors and administrators
 * only: the committee has nothing to enter).
 */
export async function loadTodoView(
  ctx: AppContext,
  actor: Actor | null,
  code: string,
  planId: number,
): Promise<TodoView> {
  if (!actor) throw new SouseiError('unauthenticated', 'auth.required');
  if (actor.municipalityCode !== code) {
    throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  }
  if (actor.role !== 'editor' && actor.role !== 'admin') {
    throw new SouseiError('forbidden', 'auth.forbidden');
  }
  const view = await loadPlanView(ctx, actor, code, planId);
  const fiscalYear = view.years.find((y) => y.status === 'open')?.fiscalYear ?? null;
  if (fiscalYear === null) return { view, fiscalYear, rows: [] };
  const rows = await yearProgress(ctx, actor, view, fiscalYear);
  rows.sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return { view, fiscalYear, rows };
}
