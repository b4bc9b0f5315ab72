import type { Finding } from './finding.ts';
import type { FiscalYear } from './fiscal-year.ts';
import { numberingGaps } from './numbering-gaps.ts';
import { allProjects, financeFor, type Plan } from './plan.ts';
import { totalsOfPlan } from './totals.ts';

/**
 * Content rules a planning division checks before a year's report goes to the committee and
 * is published (効果検証). Each finding names the project; the catalogue says it in words.
 */
export function checkPlan(plan: Plan, fiscalYear: FiscalYear): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const p of allProjects(plan)) {
    const at = { projectNo: p.no, fiscalYear };
    if (seen.has(p.no)) {
      findings.push({ severity: 'error', code: 'project.duplicate-no', location: at, found: p.no });
    }
    seen.add(p.no);
    const f = financeFor(p, fiscalYear);
    const budget = f?.budget ?? null;
    const settlement = f?.settlement ?? null;
    if (budget !== null && settlement !== null && settlement > budget) {
      findings.push({
        severity: 'warning',
        code: 'settlement.over-budget',
        location: at,
        params: { budget, settlement },
      });
    }
    if (budget !== null && budget > 0 && settlement === 0) {
      findings.push({
        severity: 'warning',
        code: 'settlement.zero',
        location: at,
        params: { budget },
      });
    }
    if (budget !== null && settlement === null) {
      findings.push({
        severity: 'warning',
        code: 'settlement.missing',
        location: at,
        params: { budget },
      });
    }
    const hasResult = p.activities.some((a) =>
      a.entries.some((e) => e.kind === 'result' && e.fiscalYear === fiscalYear),
    );
    if (!hasResult) findings.push({ severity: 'warning', code: 'results.missing', location: at });
    // Every result of the year says 中止 (cancelled) yet money was spent: explain or correct.
    const results = p.activities.flatMap((a) =>
      a.entries.filter((e) => e.kind === 'result' && e.fiscalYear === fiscalYear),
    );
    if (
      results.length > 0 &&
      results.every((e) => e.text.includes('中止')) &&
      (settlement ?? 0) > 0
    ) {
      findings.push({
        severity: 'warning',
        code: 'activity.cancelled-with-settlement',
        location: at,
        params: { settlement },
      });
    }
  }
  findings.push(
    ...numberingGaps(
      allProjects(plan).map((p) => p.no),
      fiscalYear,
    ),
  );
  const computed = totalsOfPlan(plan.nodes, fiscalYear);
  for (const stated of plan.statedTotals.filter((t) => t.fiscalYear === fiscalYear)) {
    for (const field of ['budget', 'settlement'] as const) {
      if (stated[field] !== computed[field]) {
        findings.push({
          severity: 'error',
          code: 'totals.mismatch',
          location: { fiscalYear },
          params: { field, stated: stated[field], computed: computed[field] },
        });
      }
    }
  }
  return findings;
}
