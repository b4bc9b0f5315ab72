import type { Finding } from '../../core/finding.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { KpiRecord } from '../../core/kpi-record.ts';
import type { Plan } from '../../core/plan.ts';
import { checkPlan } from '../../core/plan-checks.ts';
import type { YearStatus } from '../../core/workflow.ts';
import { READINESS_CODES, readinessFindings } from '../../core/year-readiness.ts';

/**
 * Everything to fix before a year is published (issue #4): the plan's own rules and, for years
 * already locked or published, KPIs without an actual. One list for `sousei check` and the page.
 */
export function planFindings(
  plan: Plan,
  fiscalYear: FiscalYear,
  kpis: readonly KpiRecord[],
  statuses: ReadonlyMap<FiscalYear, YearStatus>,
  /** Numbers of unfinished projects; given while the year is open or locked (not published). */
  unfinished?: ReadonlySet<string>,
): Finding[] {
  const findings = unfinished
    ? [
        ...checkPlan(plan, fiscalYear).filter((f) => !READINESS_CODES.includes(f.code)),
        ...readinessFindings(plan, fiscalYear, unfinished),
      ]
    : checkPlan(plan, fiscalYear);
  for (const kpi of kpis) {
    const first = Math.max(
      plan.plan.firstFiscalYear,
      (kpi.definition.baseline?.fiscalYear ?? 0) + 1,
    );
    for (
      let fy = first;
      fy <= Math.min(fiscalYear, kpi.definition.target?.fiscalYear ?? plan.plan.lastFiscalYear);
      fy++
    ) {
      const status = statuses.get(fy) ?? 'preparing';
      if (status !== 'locked' && status !== 'published') continue;
      if (kpi.actuals.some((a) => a.fiscalYear === fy)) continue;
      findings.push({
        severity: 'warning',
        code: 'kpi.actual-missing',
        location: { fiscalYear: fy },
        params: { name: kpi.definition.name, kpiId: kpi.id, fiscalYear: fy },
      });
    }
  }
  return findings;
}
