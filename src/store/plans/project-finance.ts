import type { Kysely } from 'kysely';
import type { Yen } from '../../core/money.ts';
import type { FinanceDetail } from '../../core/plan.ts';
import type { DB } from '../schema.ts';
import { replaceFinanceDetails } from './finance-details.ts';

/** One project's figures of one fiscal year. */
export interface FinanceKey {
  municipalityCode: string;
  projectId: number;
  fiscalYear: number;
}

/** The stored 予算 and 決算 (null: none, never 0); undefined when the year has no row. */
export async function readFinance(
  trx: Kysely<DB>,
  k: FinanceKey,
): Promise<{ budget: Yen | null; settlement: Yen | null } | undefined> {
  return trx
    .selectFrom('project_finances')
    .select(['budget', 'settlement'])
    .where('project_id', '=', k.projectId)
    .where('municipality_code', '=', k.municipalityCode)
    .where('fiscal_year', '=', k.fiscalYear)
    .executeTakeFirst();
}

/**
 * The one writer of project_finances and their breakdown (the entry form, the API, restores and
 * every importer), called inside their transactions after the closed-year rule; a field left
 * out keeps its value (`details` left out keeps the stored breakdown).
 */
export async function writeFinance(
  trx: Kysely<DB>,
  k: FinanceKey,
  update: { budget?: Yen | null; settlement?: Yen | null; details?: readonly FinanceDetail[] },
): Promise<void> {
  const { details, ...values } = update;
  if (details !== undefined) await replaceFinanceDetails(trx, k, details);
  await trx
    .insertInto('project_finances')
    .values({
      project_id: k.projectId,
      municipality_code: k.municipalityCode,
      fiscal_year: k.fiscalYear,
      budget: null,
      settlement: null,
      ...values,
    })
    .onConflict((oc) => {
      const conflict = oc.columns(['municipality_code', 'project_id', 'fiscal_year']);
      // Only the breakdown changed: the year's row stays as it is.
      return Object.keys(values).length === 0 ? conflict.doNothing() : conflict.doUpdateSet(values);
    })
    .execute();
}
