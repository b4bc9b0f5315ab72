import type { Kysely } from 'kysely';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { FinanceDetail } from '../../core/plan.ts';
import { recordChange } from '../history/record-change.ts';
import type { DB } from '../schema.ts';
import { readFinanceDetails } from './finance-details.ts';
import { readFinance } from './project-finance.ts';

export interface FinanceChangeScope {
  code: string;
  planId: number;
  projectId: number;
  now: string;
}

/**
 * An import that changes a stored project's 予算, 決算 or cost breakdown records it in the
 * history, as an edit does (the figures of a new project or plan are its first state, not a
 * change). Called before the write, inside the import's transaction.
 */
export async function recordFinanceChanges(
  trx: Kysely<DB>,
  scope: FinanceChangeScope,
  f: {
    fiscalYear: FiscalYear;
    budget: number | null;
    settlement: number | null;
    details?: readonly FinanceDetail[];
  },
): Promise<void> {
  const key = {
    municipalityCode: scope.code,
    projectId: scope.projectId,
    fiscalYear: f.fiscalYear,
  };
  const before = await readFinance(trx, key);
  if (!before) return;
  const record = (
    target: { type: 'finance'; field: 'budget' | 'settlement' } | { type: 'finance-details' },
    was: unknown,
    is: unknown,
  ) =>
    recordChange(trx, {
      municipalityCode: scope.code,
      planId: scope.planId,
      projectId: scope.projectId,
      fiscalYear: f.fiscalYear,
      target,
      before: was,
      after: is,
      userId: null,
      origin: 'import',
      at: scope.now,
    });
  for (const field of ['budget', 'settlement'] as const) {
    if (before[field] !== f[field])
      await record({ type: 'finance', field }, before[field], f[field]);
  }
  // No breakdown in the file (undefined) leaves the stored one as it is: no change.
  if (f.details === undefined) return;
  const details = await readFinanceDetails(trx, key);
  const after = f.details;
  if (JSON.stringify(details) !== JSON.stringify(after)) {
    await record({ type: 'finance-details' }, details, after);
  }
}
