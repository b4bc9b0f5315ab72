import type { Kysely } from 'kysely';
import type { FinanceDetail, FinanceDetailKind } from '../../core/plan.ts';
import type { DB } from '../schema.ts';
import type { FinanceKey } from './project-finance.ts';

const KINDS: ReadonlySet<string> = new Set<FinanceDetailKind>([
  'source',
  'staff',
  'total',
  'other',
]);

export function detailKind(kind: string): FinanceDetailKind {
  return KINDS.has(kind) ? (kind as FinanceDetailKind) : 'other';
}

/** One project's cost breakdown of one year, in its order ([] when it has none). */
export async function readFinanceDetails(trx: Kysely<DB>, k: FinanceKey): Promise<FinanceDetail[]> {
  const rows = await trx
    .selectFrom('project_finance_details')
    .select(['label', 'kind', 'amount'])
    .where('project_id', '=', k.projectId)
    .where('municipality_code', '=', k.municipalityCode)
    .where('fiscal_year', '=', k.fiscalYear)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ label: r.label, kind: detailKind(r.kind), amount: r.amount }));
}

/**
 * Replaces the year's breakdown with `details`, line by line. Only the finance writer calls
 * it (writeFinance), so the closed-year rule and the history stay where figures are written.
 */
export async function replaceFinanceDetails(
  trx: Kysely<DB>,
  k: FinanceKey,
  details: readonly FinanceDetail[],
): Promise<void> {
  await trx
    .deleteFrom('project_finance_details')
    .where('project_id', '=', k.projectId)
    .where('municipality_code', '=', k.municipalityCode)
    .where('fiscal_year', '=', k.fiscalYear)
    .execute();
  if (details.length === 0) return;
  await trx
    .insertInto('project_finance_details')
    .values(
      details.map((d, position) => ({
        project_id: k.projectId,
        municipality_code: k.municipalityCode,
        fiscal_year: k.fiscalYear,
        position,
        label: d.label,
        kind: d.kind,
        amount: d.amount,
      })),
    )
    .execute();
}
