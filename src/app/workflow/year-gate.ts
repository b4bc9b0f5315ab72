import { SouseiError } from '../../core/errors.ts';
import type { Finding } from '../../core/finding.ts';
import { allProjects } from '../../core/plan.ts';
import { isUnfinished, type ProjectStatus, type YearStatus } from '../../core/workflow.ts';
import type { AppContext } from '../app-context.ts';
import { planFindings } from '../check/plan-findings.ts';
import { storedKpis, storedPlan } from './stored-plan.ts';

export interface UnfinishedProject {
  id: number;
  no: string;
  name: string;
  status: ProjectStatus;
  comment: string | null;
}

export interface YearGate {
  status: YearStatus;
  inPlan: boolean;
  unfinished: UnfinishedProject[];
  /** The check's findings for the year (the same list as `sousei check` and the check page). */
  findings: Finding[];
  errors: Finding[];
}

/**
 * What stands between a year and its next step: unfinished projects (locking them needs a
 * reason) and the check's errors, unfinished or empty projects included while the year is not
 * yet published (publishing them needs a reason).
 */
export async function yearGate(
  ctx: AppContext,
  municipalityCode: string,
  planId: number,
  fiscalYear: number,
): Promise<YearGate> {
  const indexed = await storedPlan(ctx, municipalityCode, planId);
  if (!indexed) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  const [statuses, projectStates, kpis] = await Promise.all([
    ctx.store.years.statuses(municipalityCode, planId),
    ctx.store.projectYears.statuses(municipalityCode, planId, fiscalYear),
    storedKpis(ctx, municipalityCode, planId),
  ]);
  const status = statuses.get(fiscalYear) ?? 'preparing';
  const unfinished: UnfinishedProject[] = [];
  for (const project of allProjects(indexed.plan)) {
    const ref = indexed.projects.get(project);
    if (!ref) continue;
    const state = projectStates.get(ref.id) ?? { status: 'untouched' as const, comment: null };
    if (!isUnfinished(state.status)) continue;
    unfinished.push({ id: ref.id, no: project.no, name: project.name, ...state });
  }
  const closing = status === 'open' || status === 'locked';
  const findings = planFindings(
    indexed.plan,
    fiscalYear,
    kpis,
    statuses,
    closing ? new Set(unfinished.map((p) => p.no)) : undefined,
  );
  const { firstFiscalYear, lastFiscalYear } = indexed.plan.plan;
  return {
    status,
    inPlan: fiscalYear >= firstFiscalYear && fiscalYear <= lastFiscalYear,
    unfinished,
    findings,
    errors: findings.filter((f) => f.severity === 'error'),
  };
}
