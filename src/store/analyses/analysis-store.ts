import type { Kysely } from 'kysely';
import type { ChangeOrigin } from '../../core/change.ts';
import { SouseiError } from '../../core/errors.ts';
import { recordChange } from '../history/record-change.ts';
import { inTransaction } from '../in-transaction.ts';
import type { DB } from '../schema.ts';

/** 下書き (the generated text as it was), 編集済み, 承認済み. */
export type AnalysisState = 'draft' | 'edited' | 'approved';

/** Which analysis: a plan's year and scope (`plan` or `node-ID`), in a municipality. */
export interface AnalysisKey {
  municipalityCode: string;
  planId: number;
  fiscalYear: number;
  scope: string;
}

/** A stored analysis text. */
export interface StoredAnalysis {
  scope: string;
  text: string;
  /** The generated draft the text was last written from. */
  basis: string;
  state: AnalysisState;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
}

/** Who writes and when, for the history. */
export interface AnalysisWriter {
  userId: number | null;
  origin: ChangeOrigin;
  now: string;
}

/** A write refused because another one came first: the text as it now is. */
export type AnalysisWriteResult =
  | { ok: true; version: number }
  | { ok: false; conflict: true; current: StoredAnalysis | null };

async function assertPlan(trx: Kysely<DB>, key: AnalysisKey): Promise<void> {
  const plan = await trx
    .selectFrom('plans')
    .select('id')
    .where('id', '=', key.planId)
    .where('municipality_code', '=', key.municipalityCode)
    .executeTakeFirst();
  if (!plan) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
}

function listQuery(db: Kysely<DB>, code: string, planId: number, fiscalYear: number) {
  return db
    .selectFrom('analyses as a')
    .leftJoin('users as u', 'u.id', 'a.updated_by')
    .leftJoin('users as v', 'v.id', 'a.approved_by')
    .select([
      'a.scope',
      'a.text',
      'a.basis',
      'a.state',
      'a.version',
      'a.updated_at as updatedAt',
      'u.name as updatedBy',
      'a.approved_at as approvedAt',
      'v.name as approvedBy',
    ])
    .where('a.municipality_code', '=', code)
    .where('a.plan_id', '=', planId)
    .where('a.fiscal_year', '=', fiscalYear);
}

type Row = { scope: string; state: string } & Omit<StoredAnalysis, 'scope' | 'state'>;
const stored = (r: Row): StoredAnalysis => ({ ...r, state: r.state as AnalysisState });

async function current(trx: Kysely<DB>, key: AnalysisKey): Promise<StoredAnalysis | null> {
  const row = await listQuery(trx, key.municipalityCode, key.planId, key.fiscalYear)
    .where('a.scope', '=', key.scope)
    .executeTakeFirst();
  return row ? stored(row) : null;
}

/** What a write puts in the row besides the key. */
interface NewValues {
  text: string;
  basis: string;
  state: AnalysisState;
}

type RowValues = NewValues & {
  version: number;
  updated_at: string;
  updated_by: number | null;
  approved_at: string | null;
  approved_by: number | null;
};

/** Updates the row read at `expectedVersion`, or inserts the first; false when none was written. */
async function putRow(
  trx: Kysely<DB>,
  key: AnalysisKey,
  exists: boolean,
  expectedVersion: number,
  row: RowValues,
): Promise<boolean> {
  if (exists) {
    const updated = await trx
      .updateTable('analyses')
      .set(row)
      .where('municipality_code', '=', key.municipalityCode)
      .where('plan_id', '=', key.planId)
      .where('fiscal_year', '=', key.fiscalYear)
      .where('scope', '=', key.scope)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }
  const inserted = await trx
    .insertInto('analyses')
    .values({
      municipality_code: key.municipalityCode,
      plan_id: key.planId,
      fiscal_year: key.fiscalYear,
      scope: key.scope,
      ...row,
    })
    .onConflict((oc) =>
      oc.columns(['municipality_code', 'plan_id', 'fiscal_year', 'scope']).doNothing(),
    )
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Writes the row when the writer read `expectedVersion` (0: none stored yet) and records the
 * change; refused with the current text otherwise. Nothing is written when nothing changes.
 */
async function write(
  trx: Kysely<DB>,
  key: AnalysisKey,
  expectedVersion: number,
  values: NewValues,
  w: AnalysisWriter,
): Promise<AnalysisWriteResult> {
  await assertPlan(trx, key);
  const before = await current(trx, key);
  if ((before?.version ?? 0) !== expectedVersion)
    return { ok: false, conflict: true, current: before };
  const same =
    before &&
    before.text === values.text &&
    before.basis === values.basis &&
    before.state === values.state;
  if (same) return { ok: true, version: before.version };
  const version = expectedVersion + 1;
  const approved = values.state === 'approved';
  const row = {
    ...values,
    version,
    updated_at: w.now,
    updated_by: w.userId,
    approved_at: approved ? w.now : null,
    approved_by: approved ? w.userId : null,
  };
  // A writer that read the same version and committed first leaves no row to update (or one
  // already inserted): that save is refused too, not recorded.
  if (!(await putRow(trx, key, before !== null, expectedVersion, row))) {
    return { ok: false, conflict: true, current: await current(trx, key) };
  }
  await recordChange(trx, {
    municipalityCode: key.municipalityCode,
    planId: key.planId,
    projectId: null,
    fiscalYear: key.fiscalYear,
    target: { type: 'analysis', scope: key.scope },
    before: before ? { text: before.text, state: before.state } : null,
    after: { text: values.text, state: values.state },
    userId: w.userId,
    origin: w.origin,
    at: w.now,
  });
  return { ok: true, version };
}

/**
 * The committee's analysis texts (効果検証): the only writer of `analyses`. Every write is scoped
 * to the municipality, checks the version the writer read (a stale save is refused with the
 * current text) and is recorded in the history in the same transaction, which also changes the
 * plan's content version (public caches).
 */
export function analysisStore(db: Kysely<DB>) {
  return {
    /** The stored texts of a plan's year, by scope. */
    async list(
      code: string,
      planId: number,
      fiscalYear: number,
    ): Promise<Map<string, StoredAnalysis>> {
      const rows = await listQuery(db, code, planId, fiscalYear).orderBy('a.scope').execute();
      return new Map(rows.map((r) => [r.scope, stored(r)]));
    },

    /** Saves an edited text (state 下書き when it is the draft itself, else 編集済み). */
    save(
      key: AnalysisKey,
      input: { text: string; basis: string; expectedVersion: number },
      w: AnalysisWriter,
    ): Promise<AnalysisWriteResult> {
      const state: AnalysisState = input.text === input.basis ? 'draft' : 'edited';
      return inTransaction(db, (trx) =>
        write(trx, key, input.expectedVersion, { text: input.text, basis: input.basis, state }, w),
      );
    },

    /** Approves the text as given (what the approver saw), recording who and when. */
    approve(
      key: AnalysisKey,
      input: { text: string; basis: string; expectedVersion: number },
      w: AnalysisWriter,
    ): Promise<AnalysisWriteResult> {
      return inTransaction(db, (trx) =>
        write(
          trx,
          key,
          input.expectedVersion,
          { text: input.text, basis: input.basis, state: 'approved' },
          w,
        ),
      );
    },
  };
}

export type AnalysisStore = ReturnType<typeof analysisStore>;
