import type { Kysely } from 'kysely';
import type { FinanceDetail } from '../../core/plan.ts';
import type { DB } from '../schema.ts';
import { financeKey } from './stored-finances.ts';

interface NewFinance {
  projectId: number;
  fiscalYear: number;
  budget: number | null;
  settlement: number | null;
  details?: readonly FinanceDetail[];
}

const CHUNK = 500;

/**
 * Project years that have no stored figures yet, gathered during a plan's save and written at
 * its end in multi-row inserts: no history to record (a first state is not a change). A year
 * given twice ends as the sequential writes would have left it.
 */
export function newFinances(trx: Kysely<DB>, code: string) {
  const pending = new Map<string, NewFinance>();
  return {
    add(f: NewFinance) {
      const key = financeKey(f.projectId, f.fiscalYear);
      const before = pending.get(key);
      pending.set(key, { ...f, details: f.details ?? before?.details });
    },
    async flush() {
      const all = [...pending.values()];
      const rows = all.map((f) => ({
        project_id: f.projectId,
        municipality_code: code,
        fiscal_year: f.fiscalYear,
        budget: f.budget,
        settlement: f.settlement,
      }));
      const details = all.flatMap((f) =>
        (f.details ?? []).map((d, position) => ({
          project_id: f.projectId,
          municipality_code: code,
          fiscal_year: f.fiscalYear,
          position,
          label: d.label,
          kind: d.kind,
          amount: d.amount,
        })),
      );
      for (let i = 0; i < rows.length; i += CHUNK) {
        await trx
          .insertInto('project_finances')
          .values(rows.slice(i, i + CHUNK))
          .execute();
      }
      for (let i = 0; i < details.length; i += CHUNK) {
        await trx
          .insertInto('project_finance_details')
          .values(details.slice(i, i + CHUNK))
          .execute();
      }
    },
  };
}
