import type { Kysely } from 'kysely';
import type { FinanceDetail } from '../../core/plan.ts';
import type { DB } from '../schema.ts';
import { detailKind } from './finance-details.ts';

/**
 * What loadPlan reads beyond the tree and its figures: every cost breakdown of a plan, keyed
 * `projectId:fiscalYear`. Tags and details are left out of the model when there are none, so a
 * plan read from a table without them reads back exactly as it was written.
 */
export async function readPlanFinanceDetails(
  db: Kysely<DB>,
  scope: { municipalityCode: string; planId: number },
): Promise<Map<string, FinanceDetail[]>> {
  const rows = await db
    .selectFrom('project_finance_details')
    .innerJoin('projects', 'projects.id', 'project_finance_details.project_id')
    .selectAll('project_finance_details')
    .where('projects.plan_id', '=', scope.planId)
    .where('project_finance_details.municipality_code', '=', scope.municipalityCode)
    .orderBy('project_finance_details.project_id')
    .orderBy('project_finance_details.fiscal_year')
    .orderBy('project_finance_details.position')
    .execute();
  const out = new Map<string, FinanceDetail[]>();
  for (const r of rows) {
    const key = `${r.project_id}:${r.fiscal_year}`;
    const list = out.get(key) ?? [];
    list.push({ label: r.label, kind: detailKind(r.kind), amount: r.amount });
    out.set(key, list);
  }
  return out;
}

export function withDetails(details: FinanceDetail[] | undefined): { details?: FinanceDetail[] } {
  return details === undefined || details.length === 0 ? {} : { details };
}

export function withTags(tags: string[]): { tags?: string[] } {
  return tags.length === 0 ? {} : { tags };
}
