import type { Kysely } from 'kysely';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { FinanceDetail } from '../../core/plan.ts';
import { recordChange } from '../history/record-change.ts';
import type { DB } from '../schema.ts';
import type { StoredFinance } from './stored-finances.ts';

export interface FinanceChangeScope {
  code: string;
  planId: number;
  projectId: number;
  now: string;
}

/**
 * An import that changes a stored project's 予算, 決算 or cost breakdown records it in the
 * history, as an edit does (the figures of a new project or plan are its first state, not a
 * change). Called before the write, inside the import's transaction, with the year's stored
 * figures (undefined: the year has none) read in bulk beforehand.
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
  before: StoredFinance | undefined,
): Promise<void> {
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
  if (!sameDetails(before.details, f.details)) {
    await record({ type: 'finance-details' }, before.details, f.details);
  }
}

/** The comparison the history has always made: the breakdowns as JSON, line by line in order. */
export function sameDetails(a: readonly FinanceDetail[], b: readonly FinanceDetail[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether writing the file's figures of a year would change nothing that is stored. */
export function financeUnchanged(
  before: StoredFinance | undefined,
  f: { budget: number | null; settlement: number | null; details?: readonly FinanceDetail[] },
): boolean {
  if (!before || before.budget !== f.budget || before.settlement !== f.settlement) return false;
  return f.details === undefined || sameDetails(before.details, f.details);
}
