import type { Finding } from './finding.ts';
import type { FiscalYear } from './fiscal-year.ts';
import { allProjects, financeFor, type Plan } from './plan.ts';

/** Content findings that readiness replaces (as errors) while a year is being closed. */
export const READINESS_CODES: readonly string[] = ['results.missing', 'settlement.missing'];

/**
 * Whether a year can be published: every project finished (入力完了 or 確認済み) with its 予算,
 * 決算 and at least one result ▶. A project that is not is one error naming all it lacks, so
 * publishing it needs a recorded reason. `unfinished` holds the numbers of unfinished projects.
 */
export function readinessFindings(
  plan: Plan,
  fiscalYear: FiscalYear,
  unfinished: ReadonlySet<string>,
): Finding[] {
  const findings: Finding[] = [];
  for (const p of allProjects(plan)) {
    const f = financeFor(p, fiscalYear);
    const hasResult = p.activities.some((a) =>
      a.entries.some((e) => e.kind === 'result' && e.fiscalYear === fiscalYear),
    );
    const missing = [
      ...(unfinished.has(p.no) ? ['入力完了'] : []),
      ...((f?.budget ?? null) === null ? ['予算'] : []),
      ...((f?.settlement ?? null) === null ? ['決算'] : []),
      ...(hasResult ? [] : ['結果（▶）']),
    ];
    if (missing.length === 0) continue;
    findings.push({
      severity: 'error',
      code: 'project.not-ready',
      location: { projectNo: p.no, fiscalYear },
      params: { missing: missing.join('・') },
    });
  }
  return findings;
}
