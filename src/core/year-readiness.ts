import type { Finding } from './finding.ts';
import type { FiscalYear } from './fiscal-year.ts';
import { allProjects, financeFor, type Plan } from './plan.ts';

/** Content findings that readiness turns into errors while a year is being closed. */
export const READINESS_CODES: readonly string[] = ['results.missing', 'settlement.missing'];

/**
 * Whether a year can be published: every project finished (入力完了 or 確認済み) with its 予算,
 * 決算 and at least one result ▶. Anything else is an error, so publishing it needs a recorded
 * reason. `unfinished` holds the numbers of projects not yet finished.
 */
export function readinessFindings(
  plan: Plan,
  fiscalYear: FiscalYear,
  unfinished: ReadonlySet<string>,
): Finding[] {
  const findings: Finding[] = [];
  for (const p of allProjects(plan)) {
    const location = { projectNo: p.no, fiscalYear };
    if (unfinished.has(p.no)) {
      findings.push({ severity: 'error', code: 'project.unfinished', location });
    }
    const f = financeFor(p, fiscalYear);
    const missing = [
      ...((f?.budget ?? null) === null ? ['予算'] : []),
      ...((f?.settlement ?? null) === null ? ['決算'] : []),
    ];
    if (missing.length > 0) {
      findings.push({
        severity: 'error',
        code: 'figures.missing',
        location,
        params: { fields: missing.join('・') },
      });
    }
    const hasResult = p.activities.some((a) =>
      a.entries.some((e) => e.kind === 'result' && e.fiscalYear === fiscalYear),
    );
    if (!hasResult) findings.push({ severity: 'error', code: 'results.missing', location });
  }
  return findings;
}
