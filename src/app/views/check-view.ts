import { SouseiError } from '../../core/errors.ts';
import type { Finding } from '../../core/finding.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { type Actor, isAdmin } from '../../core/permissions.ts';
import { allProjects } from '../../core/plan.ts';
import type { YearStatus } from '../../core/workflow.ts';
import type { AppContext } from '../app-context.ts';
import { yearGate } from '../workflow/year-gate.ts';
import { defaultYearOf } from './default-year.ts';
import { loadPlanView, type PlanView } from './plan-view.ts';

export interface CheckView {
  view: PlanView;
  fiscalYear: FiscalYear;
  status: YearStatus;
  findings: Finding[];
  /** Store ids and names of the projects a finding's number points at (one, unless duplicated). */
  projectsByNo: Map<string, { id: number; name: string }[]>;
  /** When the year is published: when, and the reason recorded for publishing with errors. */
  published: { at: string | null; override: string | null } | null;
  isAdmin: boolean;
}

/**
 * The validation page's data (members only): every finding of `planFindings` for the year (the
 * same list as `sousei check`), with what a page needs to link each to its item. Without a year
 * asked, the year about to be published: a locked one, else the open one, else the latest with
 * figures.
 */
export async function loadCheckView(
  ctx: AppContext,
  actor: Actor | null,
  code: string,
  planId: number,
  asked: FiscalYear | null,
): Promise<CheckView> {
  if (!actor) throw new SouseiError('unauthenticated', 'auth.required');
  if (actor.municipalityCode !== code) {
    throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  }
  const view = await loadPlanView(ctx, actor, code, planId);
  const fiscalYear = asked ?? defaultYearOf(view, 'review');
  const year = view.years.find((y) => y.fiscalYear === fiscalYear);
  if (fiscalYear === undefined || !year) {
    throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  }
  const [gate, publication] = await Promise.all([
    yearGate(ctx, code, planId, fiscalYear),
    ctx.store.years.publication(code, planId, fiscalYear),
  ]);
  const projectsByNo = new Map<string, { id: number; name: string }[]>();
  for (const p of allProjects(view.plan)) {
    const ref = view.refs.get(p);
    if (!ref) continue;
    projectsByNo.set(p.no, [...(projectsByNo.get(p.no) ?? []), { id: ref.id, name: p.name }]);
  }
  return {
    view,
    fiscalYear,
    status: year.status,
    findings: gate.findings,
    projectsByNo,
    published: year.status === 'published' ? publication : null,
    isAdmin: isAdmin(actor, code),
  };
}
