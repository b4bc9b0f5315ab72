import type { Actor } from '../../core/permissions.ts';
import { allProjects } from '../../core/plan.ts';
import type { ProjectStatus } from '../../core/workflow.ts';
import type { AppContext } from '../app-context.ts';
import type { PlanView } from './plan-view.ts';

export type MissingItem = 'budget' | 'settlement' | 'result' | 'department';

export interface ProgressRow {
  projectId: number;
  no: string;
  name: string;
  departmentId: number | null;
  department: string | null;
  status: ProjectStatus;
  comment: string | null;
  missing: MissingItem[];
}

/**
 * Each project's entry status for a year and what is still missing (予算, 決算, a result ▶),
 * so every department sees what it has left and the planning division sees the whole.
 * An editor sees the projects of their own departments.
 */
export async function yearProgress(
  ctx: AppContext,
  actor: Actor,
  view: PlanView,
  fiscalYear: number,
): Promise<ProgressRow[]> {
  const statuses = await ctx.store.projectYears.statuses(
    actor.municipalityCode,
    view.summary.id,
    fiscalYear,
  );
  const rows: ProgressRow[] = [];
  for (const project of allProjects(view.plan)) {
    const ref = view.refs.get(project);
    if (!ref) continue;
    if (
      actor.role === 'editor' &&
      (ref.departmentId === null || !actor.departmentIds.includes(ref.departmentId))
    ) {
      continue;
    }
    const finance = project.finances.find((f) => f.fiscalYear === fiscalYear);
    const missing: MissingItem[] = [];
    if (ref.departmentId === null) missing.push('department');
    if (finance?.budget === null || finance?.budget === undefined) missing.push('budget');
    if (finance?.settlement === null || finance?.settlement === undefined)
      missing.push('settlement');
    const hasResult = project.activities.some((a) =>
      a.entries.some((e) => e.kind === 'result' && e.fiscalYear === fiscalYear),
    );
    if (!hasResult) missing.push('result');
    const s = statuses.get(ref.id);
    rows.push({
      projectId: ref.id,
      no: project.no,
      name: project.name,
      departmentId: ref.departmentId,
      department:
        ref.departmentId === null ? null : (view.departments.get(ref.departmentId) ?? null),
      status: s?.status ?? 'untouched',
      comment: s?.comment ?? null,
      missing,
    });
  }
  return rows;
}
