import type { Kysely } from 'kysely';
import { SouseiError } from '../../core/errors.ts';
import { type Actor, isAdmin } from '../../core/permissions.ts';
import { checkPlan } from '../../core/plan-checks.ts';
import {
  isYearStatus,
  nextYearStatus,
  type YearAction,
  type YearStatus,
} from '../../core/workflow.ts';
import { recordChange } from '../../store/history/record-change.ts';
import { loadPlan } from '../../store/load-plan.ts';
import type { DB } from '../../store/schema.ts';
import type { AppContext } from '../app-context.ts';

/** Status of every fiscal year of a plan that has one; a year without a row is 'preparing'. */
export async function yearStatuses(
  db: Kysely<DB>,
  municipalityCode: string,
  planId: number,
): Promise<Map<number, YearStatus>> {
  const rows = await db
    .selectFrom('plan_years')
    .select(['fiscal_year', 'status'])
    .where('plan_id', '=', planId)
    .where('municipality_code', '=', municipalityCode)
    .execute();
  return new Map(rows.map((r) => [r.fiscal_year, isYearStatus(r.status) ? r.status : 'preparing']));
}

export async function yearStatus(
  db: Kysely<DB>,
  municipalityCode: string,
  planId: number,
  fiscalYear: number,
): Promise<YearStatus> {
  return (await yearStatuses(db, municipalityCode, planId)).get(fiscalYear) ?? 'preparing';
}

/** Opens, locks, unlocks, publishes or withdraws a fiscal year (administrators only). */
export async function changeYearStatus(
  ctx: AppContext,
  actor: Actor | null,
  input: {
    municipalityCode: string;
    planId: number;
    fiscalYear: number;
    action: YearAction;
    override?: string;
  },
): Promise<YearStatus> {
  if (!isAdmin(actor, input.municipalityCode)) throw new SouseiError('forbidden', 'auth.forbidden');
  const plan = await ctx.store.db
    .selectFrom('plans')
    .select(['id', 'first_fiscal_year', 'last_fiscal_year'])
    .where('id', '=', input.planId)
    .where('municipality_code', '=', input.municipalityCode)
    .executeTakeFirst();
  if (!plan) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  const from = await yearStatus(
    ctx.store.db,
    input.municipalityCode,
    input.planId,
    input.fiscalYear,
  );
  const to = nextYearStatus(from, input.action);
  if (!to)
    throw new SouseiError('conflict', 'year.invalid-transition', { from, action: input.action });
  if (input.fiscalYear < plan.first_fiscal_year || input.fiscalYear > plan.last_fiscal_year) {
    throw new SouseiError('usage', 'year.out-of-plan', { fiscalYear: input.fiscalYear });
  }
  // Publishing with open errors needs a recorded reason (issue #4).
  const override = input.override?.trim() || null;
  if (input.action === 'publish') {
    const model = await loadPlan(ctx.store.db, input.municipalityCode, input.planId);
    const errors = model
      ? checkPlan(model, input.fiscalYear).filter((f) => f.severity === 'error')
      : [];
    if (errors.length > 0 && !override) {
      throw new SouseiError('conflict', 'year.publish-has-errors', { count: errors.length });
    }
  }
  const now = ctx.now();
  await ctx.store.db.transaction().execute(async (trx) => {
    const values = {
      status: to,
      updated_at: now,
      updated_by: actor.userId,
      ...(to === 'published' ? { published_at: now, publish_override: override } : {}),
    };
    await trx
      .insertInto('plan_years')
      .values({
        plan_id: input.planId,
        municipality_code: input.municipalityCode,
        fiscal_year: input.fiscalYear,
        published_at: null,
        publish_override: null,
        ...values,
      })
      .onConflict((oc) => oc.columns(['plan_id', 'fiscal_year']).doUpdateSet(values))
      .execute();
    await recordChange(trx, {
      municipalityCode: input.municipalityCode,
      planId: input.planId,
      projectId: null,
      fiscalYear: input.fiscalYear,
      target: { type: 'year-status' },
      before: from,
      after: override && to === 'published' ? { status: to, override } : to,
      userId: actor.userId,
      origin: 'workflow',
      at: now,
    });
  });
  return to;
}
