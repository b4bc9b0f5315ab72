import type { Kysely } from 'kysely';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Yen } from '../../core/money.ts';
import type { FinanceDetail } from '../../core/plan.ts';
import type { DB } from '../schema.ts';
import { detailKind } from './finance-details.ts';

/** One project's stored figures of one year, with its breakdown in order ([] when none). */
export interface StoredFinance {
  budget: Yen | null;
  settlement: Yen | null;
  details: FinanceDetail[];
}

export const financeKey = (projectId: number, fiscalYear: number) => `${projectId}:${fiscalYear}`;

/**
 * The stored figures of every project of a plan for the given years, keyed by financeKey: two
 * queries, so that a save compares against them in memory instead of per project and year.
 */
export async function readStoredFinances(
  trx: Kysely<DB>,
  code: string,
  planId: number,
  fiscalYears: readonly FiscalYear[],
): Promise<Map<string, StoredFinance>> {
  const stored = new Map<string, StoredFinance>();
  if (fiscalYears.length === 0) return stored;
  const projectIds = trx
    .selectFrom('projects')
    .select('id')
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', code);
  const finances = await trx
    .selectFrom('project_finances')
    .select(['project_id', 'fiscal_year', 'budget', 'settlement'])
    .where('municipality_code', '=', code)
    .where('project_id', 'in', projectIds)
    .where('fiscal_year', 'in', [...fiscalYears])
    .execute();
  for (const f of finances) {
    const { budget, settlement } = f;
    stored.set(financeKey(f.project_id, f.fiscal_year), { budget, settlement, details: [] });
  }
  const details = await trx
    .selectFrom('project_finance_details')
    .select(['project_id', 'fiscal_year', 'label', 'kind', 'amount'])
    .where('municipality_code', '=', code)
    .where('project_id', 'in', projectIds)
    .where('fiscal_year', 'in', [...fiscalYears])
    .orderBy('position')
    .execute();
  for (const d of details) {
    stored
      .get(financeKey(d.project_id, d.fiscal_year))
      ?.details.push({ label: d.label, kind: detailKind(d.kind), amount: d.amount });
  }
  return stored;
}
