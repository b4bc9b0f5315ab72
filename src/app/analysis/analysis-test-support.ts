import { readFileSync } from 'node:fs';
import type { AnalysisInput } from '../../core/analysis/analysis-input.ts';
import type { KpiRecord } from '../../core/kpi-record.ts';
import { allNodes, allProjects, type Plan } from '../../core/plan.ts';
import { ABCD_SCALE } from '../../core/status-scale.ts';
import { decodeText } from '../../formats/decode-text.ts';
import { readProgressTable } from '../../formats/tsv/progress-table-reader.ts';
import { parseTsv } from '../../formats/tsv/tsv-grid.ts';

const SAMPLE = new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url);

/** The sample plan as read from its TSV. */
export function samplePlan(): Plan {
  const decoded = decodeText(readFileSync(SAMPLE), 'muroran-r2-progress.tsv');
  if (!decoded.ok) throw new Error('the sample does not decode');
  const { plan } = readProgressTable(parseTsv(decoded.text), {
    file: 'muroran-r2-progress.tsv',
    municipality: { code: '012050', name: '室蘭市' },
    title: '第2期室蘭市まち・ひと・しごと創生総合戦略',
  });
  if (!plan) throw new Error('the sample gives no plan');
  return plan;
}

/** An analysis input over a plan with ids as a store would give: projects 1…, nodes 101…. */
export function inputFor(
  plan: Plan,
  fiscalYear: number,
  extra: { kpis?: KpiRecord[]; yearClosed?: boolean } = {},
): AnalysisInput {
  return {
    plan,
    fiscalYear,
    projectIds: new Map(allProjects(plan).map((p, i) => [p, i + 1])),
    nodeIds: new Map(allNodes(plan).map(({ node }, i) => [node, 101 + i])),
    kpis: extra.kpis ?? [],
    scale: ABCD_SCALE,
    yearClosed: extra.yearClosed ?? true,
  };
}
