import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import type { DB } from '../schema.ts';

/**
 * Evaluations and comments of a published year are read-only: what the public read must not
 * change under it. A locked year stays writable: the committee evaluates after the year closes.
 */
export async function assertYearUnpublished(
  trx: Kysely<DB>,
  scope: { municipalityCode: string; planId: number },
  fiscalYear: number,
): Promise<void> {
  const row = await trx
    .selectFrom('plan_years')
    .select('fiscal_year')
    .where('plan_id', '=', scope.planId)
    .where('municipality_code', '=', scope.municipalityCode)
    .where('fiscal_year', '=', fiscalYear)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (row) {
    throw new SouseiError('conflict', 'evaluation.year-published', {
      fiscalYear: formatFiscalYear(fiscalYear, 'long'),
    });
  }
}
