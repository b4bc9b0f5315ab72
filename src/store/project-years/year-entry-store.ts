import type { Kysely, Transaction } from 'kysely';
import type { ChangeOrigin, ChangeTarget } from '../../core/change.ts';
import type { Yen } from '../../core/money.ts';
import type { Activity } from '../../core/plan.ts';
import { recordChange } from '../history/record-change.ts';
import { inTransaction } from '../in-transaction.ts';
import { readFinance, writeFinance } from '../plans/project-finance.ts';
import { assertYearsWritable } from '../rules/assert-years-writable.ts';
import { keepProjectClosedYears } from '../rules/closed-year-entries-project.ts';
import { saveActivities } from '../save-plan.ts';
import type { DB } from '../schema.ts';
import { markEntering } from '../years/project-year-store.ts';

export interface YearEntryScope {
  municipalityCode: string;
  planId: number;
  projectId: number;
  fiscalYear: number;
  userId: number | null;
  origin: ChangeOrigin;
  at: string;
}

export interface YearEntryWrite extends YearEntryScope {
  /** The project's version the writer read; a newer stored one refuses the write. */
  expectedVersion: number;
  budget: Yen | null;
  settlement: Yen | null;
  /** All the project's activities as they should be, and as they were at `expectedVersion`. */
  activities: readonly Activity[];
  previousActivities: readonly Activity[];
}

export type YearEntryOutcome =
  | { ok: true; version: number; changes: number }
  | { ok: false; conflict: true; version: number };

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function currentFinance(trx: Kysely<DB>, s: YearEntryScope) {
  const row = await readFinance(trx, s);
  return { budget: row?.budget ?? null, settlement: row?.settlement ?? null };
}

async function bumpVersion(trx: Kysely<DB>, s: YearEntryScope, expected?: number) {
  const result = await trx
    .updateTable('projects')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', s.projectId)
    .where('municipality_code', '=', s.municipalityCode)
    .$if(expected !== undefined, (q) => q.where('version', '=', expected ?? 0))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

async function currentVersion(trx: Kysely<DB>, s: YearEntryScope): Promise<number> {
  const row = await trx
    .selectFrom('projects')
    .select('version')
    .where('id', '=', s.projectId)
    .where('municipality_code', '=', s.municipalityCode)
    .executeTakeFirstOrThrow();
  return row.version;
}

function recorder(trx: Kysely<DB>, s: YearEntryScope) {
  return (target: ChangeTarget, before: unknown, after: unknown) =>
    recordChange(trx, {
      municipalityCode: s.municipalityCode,
      planId: s.planId,
      projectId: s.projectId,
      fiscalYear: s.fiscalYear,
      target,
      before,
      after,
      userId: s.userId,
      origin: s.origin,
      at: s.at,
    });
}

/**
 * One project's figures and activities for one fiscal year: the only writer of a year's entry.
 * Inside its transaction: the year must be open (not locked or published), the version must be
 * the one the writer read, and every change is recorded in the history.
 */
export function yearEntryStore(db: Kysely<DB>) {
  return {
    async save(w: YearEntryWrite): Promise<YearEntryOutcome> {
      return inTransaction(db, async (trx) => {
        await assertYearsWritable(trx, w, [w.fiscalYear]);
        if (!(await bumpVersion(trx, w, w.expectedVersion))) {
          return { ok: false, conflict: true, version: await currentVersion(trx, w) } as const;
        }
        const record = recorder(trx, w);
        const before = await currentFinance(trx, w);
        let changes = 0;
        if (w.budget !== before.budget || w.settlement !== before.settlement) {
          await writeFinance(trx, w, { budget: w.budget, settlement: w.settlement });
          for (const field of ['budget', 'settlement'] as const) {
            if (w[field] === before[field]) continue;
            await record({ type: 'finance', field }, before[field], w[field]);
            changes++;
          }
        }
        if (!sameJson(w.activities, w.previousActivities)) {
          const options = { keepRelists: true };
          await saveActivities(
            trx as Transaction<DB>,
            w.municipalityCode,
            w.projectId,
            await keepProjectClosedYears(trx, w, w.activities),
            options,
          );
          await record({ type: 'activities' }, w.previousActivities, w.activities);
          changes++;
        }
        await markEntering(trx, w);
        return { ok: true, version: w.expectedVersion + 1, changes } as const;
      });
    },

    /** Writes one amount back (a restore); refused in a closed year, recorded. */
    async restoreFinance(
      s: YearEntryScope,
      field: 'budget' | 'settlement',
      value: Yen | null,
    ): Promise<void> {
      await inTransaction(db, async (trx) => {
        await assertYearsWritable(trx, s, [s.fiscalYear]);
        const before = await currentFinance(trx, s);
        await writeFinance(trx, s, { [field]: value });
        await bumpVersion(trx, s);
        await recorder(trx, s)({ type: 'finance', field }, before[field], value);
      });
    },

    /** Writes a project's activities back (a restore); refused in a closed year, recorded. */
    async restoreActivities(
      s: YearEntryScope,
      activities: readonly Activity[],
      current: readonly Activity[],
    ): Promise<void> {
      await inTransaction(db, async (trx) => {
        await assertYearsWritable(trx, s, [s.fiscalYear]);
        const options = { keepRelists: true };
        await saveActivities(
          trx as Transaction<DB>,
          s.municipalityCode,
          s.projectId,
          await keepProjectClosedYears(trx, s, activities),
          options,
        );
        await bumpVersion(trx, s);
        await recorder(trx, s)({ type: 'activities' }, current, activities);
      });
    },
  };
}

export type YearEntryStore = ReturnType<typeof yearEntryStore>;
