import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import type { DB } from '../schema.ts';

/** Statuses in which a fiscal year is read-only for every writer (web, API, CLI, importers). */
export const CLOSED_YEAR_STATUSES: readonly string[] = ['locked', 'published'];

/**
 * The rule that protects closed years, checked inside the writer's transaction: a change to a
 * locked or published fiscal year of the plan is refused with `year.locked`, whoever writes.
 */
export async function assertYearsWritable(
  trx: Kysely<DB>,
  scope: { municipalityCode: string; planId: number },
  fiscalYears: readonly number[],
): Promise<void> {
  if (fiscalYears.length === 0) return;
  const closed = await trx
    .selectFrom('plan_years')
    .select('fiscal_year')
    .where('plan_id', '=', scope.planId)
    .where('municipality_code', '=', scope.municipalityCode)
    .where('fiscal_year', 'in', [...fiscalYears])
    .where('status', 'in', [...CLOSED_YEAR_STATUSES])
    .orderBy('fiscal_year')
    .execute();
  const first = closed[0];
  if (first) {
    throw new SouseiError('conflict', 'year.locked', {
      fiscalYear: closed.map((r) => formatFiscalYear(r.fiscal_year, 'long')).join('、'),
    });
  }
}
