import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { SouseiError } from '../../core/errors.ts';
import { figureFor } from '../../core/extract-figures.ts';
import { type Actor, canEnterKpiActual, canManageKpi } from '../../core/permissions.ts';
import { t } from '../../i18n/translate.ts';
import type { DB } from '../../store/schema.ts';
import type { AppContext } from '../app-context.ts';
import { yearStatus } from '../workflow/year-status.ts';

const fiscalYear = z
  .number()
  .int()
  .min(1868, 'kpi.error.fiscal-year')
  .max(2200, 'kpi.error.fiscal-year');
const value = z.number().finite('kpi.error.number');

/**
 * A KPI as entered in a form or an import row; the type is derived from the schema. Messages are
 * catalogue keys (kpi.error.*), so a form can show them next to the field of the issue's path.
 */
export const KpiInputSchema = z
  .object({
    scope: z.enum(['goal', 'measure', 'project']),
    nodeId: z.number().int().nullable().default(null),
    projectId: z.number().int().nullable().default(null),
    name: z.string().trim().min(1, 'kpi.error.required').max(500, 'kpi.error.too-long'),
    unit: z.string().trim().min(1, 'kpi.error.required').max(50, 'kpi.error.too-long'),
    direction: z.enum(['higher', 'lower'], 'kpi.error.direction'),
    kind: z.enum(['annual', 'cumulative'], 'kpi.error.kind'),
    baselineValue: value.nullable().default(null),
    baselineFiscalYear: fiscalYear.nullable().default(null),
    targetValue: value,
    targetFiscalYear: fiscalYear,
    yearTargets: z.array(z.object({ fiscalYear, value })).default([]),
  })
  .refine((k) => (k.scope === 'project' ? k.projectId !== null : k.nodeId !== null), {
    message: 'kpi.error.owner',
    path: ['scope'],
  })
  .refine((k) => (k.baselineValue === null) === (k.baselineFiscalYear === null), {
    message: 'kpi.error.baseline-pair',
    path: ['baselineFiscalYear'],
  })
  .refine((k) => new Set(k.yearTargets.map((y) => y.fiscalYear)).size === k.yearTargets.length, {
    message: 'kpi.error.year-target-twice',
    path: ['yearTargets'],
  });

export type KpiInput = z.infer<typeof KpiInputSchema>;

export interface KpiOwner {
  scope: KpiInput['scope'];
  /** The project's department (project KPIs), for permissions. */
  departmentId: number | null;
  planId: number;
}

function invalid(issues: readonly z.core.$ZodIssue[]): SouseiError {
  return new SouseiError('invalid-input', 'kpi.invalid', {
    detail: issues.map((i) => `${i.path.join('.')}: ${t(i.message)}`).join('; '),
  });
}

/**
 * Where a KPI would belong, checked to be in the municipality and plan: a project, a basic goal
 * (a top-level node) or a measure (a node below the top level, 施策).
 */
export async function ownerOf(
  db: Kysely<DB>,
  code: string,
  planId: number,
  where: { scope: KpiInput['scope']; nodeId: number | null; projectId: number | null },
): Promise<KpiOwner> {
  if (where.scope === 'project') {
    const p = await db
      .selectFrom('projects')
      .select(['department_id'])
      .where('id', '=', where.projectId ?? -1)
      .where('municipality_code', '=', code)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (!p) throw new SouseiError('not-found', 'project.not-found', { id: where.projectId ?? '' });
    return { scope: 'project', departmentId: p.department_id, planId };
  }
  const n = await db
    .selectFrom('plan_nodes')
    .select(['depth'])
    .where('id', '=', where.nodeId ?? -1)
    .where('municipality_code', '=', code)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  if (!n || (where.scope === 'goal') !== (n.depth === 0)) {
    throw new SouseiError('not-found', 'kpi.node-not-found');
  }
  return { scope: where.scope, departmentId: null, planId };
}

/** A stored KPI's owner and unit, bounded by the municipality; not-found otherwise. */
export async function storedKpiOwner(
  db: Kysely<DB>,
  code: string,
  kpiId: number,
): Promise<KpiOwner & { unit: string; projectId: number | null; nodeId: number | null }> {
  const k = await db
    .selectFrom('kpis')
    .leftJoin('projects', 'projects.id', 'kpis.project_id')
    .select([
      'kpis.scope',
      'kpis.plan_id',
      'kpis.unit',
      'kpis.project_id',
      'kpis.node_id',
      'projects.department_id',
    ])
    .where('kpis.id', '=', kpiId)
    .where('kpis.municipality_code', '=', code)
    .executeTakeFirst();
  if (!k) throw new SouseiError('not-found', 'kpi.not-found');
  return {
    scope: k.scope as KpiInput['scope'],
    departmentId: k.department_id ?? null,
    planId: k.plan_id,
    unit: k.unit,
    projectId: k.project_id,
    nodeId: k.node_id,
  };
}

/**
 * Writes a KPI's definition inside the caller's transaction: inserts it (last in the plan), or
 * updates the one with `kpiId`; its year targets are replaced by the input's. Returns its id.
 * No permission check: callers check first (saveKpi, importKpis).
 */
export async function writeKpi(
  trx: Transaction<DB>,
  args: { municipalityCode: string; planId: number; kpiId?: number; input: KpiInput; now: string },
): Promise<number> {
  const { input, municipalityCode: code } = args;
  const values = {
    scope: input.scope,
    node_id: input.scope === 'project' ? null : input.nodeId,
    project_id: input.scope === 'project' ? input.projectId : null,
    name: input.name,
    unit: input.unit,
    direction: input.direction,
    kind: input.kind,
    baseline_value: input.baselineValue,
    baseline_fiscal_year: input.baselineFiscalYear,
    target_value: input.targetValue,
    target_fiscal_year: input.targetFiscalYear,
    updated_at: args.now,
  };
  let id = args.kpiId;
  if (id !== undefined) {
    await trx
      .updateTable('kpis')
      .set(values)
      .where('id', '=', id)
      .where('municipality_code', '=', code)
      .execute();
    await trx.deleteFrom('kpi_year_targets').where('kpi_id', '=', id).execute();
  } else {
    const last = await trx
      .selectFrom('kpis')
      .select((eb) => eb.fn.max<number | null>('position').as('p'))
      .where('plan_id', '=', args.planId)
      .where('municipality_code', '=', code)
      .executeTakeFirst();
    const row = await trx
      .insertInto('kpis')
      .values({
        municipality_code: code,
        plan_id: args.planId,
        position: last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1,
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  for (const y of input.yearTargets) {
    await trx
      .insertInto('kpi_year_targets')
      .values({ kpi_id: id, municipality_code: code, fiscal_year: y.fiscalYear, value: y.value })
      .execute();
  }
  return id;
}

/** Creates a KPI, or updates the one with `kpiId`; returns its id. */
export async function saveKpi(
  ctx: AppContext,
  actor: Actor | null,
  args: { municipalityCode: string; planId: number; kpiId?: number; input: unknown },
): Promise<number> {
  const parsed = KpiInputSchema.safeParse(args.input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const input = parsed.data;
  const code = args.municipalityCode;
  const db = ctx.store.db;
  const owner = await ownerOf(db, code, args.planId, input);
  if (!canManageKpi(actor, code, owner)) throw new SouseiError('forbidden', 'auth.forbidden');
  if (args.kpiId !== undefined) {
    // Whoever edits a KPI must be allowed both where it is and where it would go.
    const stored = await storedKpiOwner(db, code, args.kpiId);
    if (stored.planId !== args.planId) throw new SouseiError('not-found', 'kpi.not-found');
    if (!canManageKpi(actor, code, stored)) throw new SouseiError('forbidden', 'auth.forbidden');
  }
  const now = ctx.now();
  return db
    .transaction()
    .execute((trx) =>
      writeKpi(trx, { municipalityCode: code, planId: args.planId, kpiId: args.kpiId, input, now }),
    );
}

export const KpiActualInputSchema = z.object({
  fiscalYear,
  value,
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'kpi.error.date')
    .nullable()
    .default(null),
  source: z.string().trim().max(500, 'kpi.error.too-long').nullable().default(null),
});

export type KpiActualInput = z.infer<typeof KpiActualInputSchema>;

/** Writes (or replaces) one actual inside the caller's transaction; no permission check. */
export async function writeKpiActual(
  trx: Transaction<DB>,
  args: {
    municipalityCode: string;
    kpiId: number;
    actual: KpiActualInput;
    entryId: number | null;
    userId: number | null;
    now: string;
  },
): Promise<void> {
  const a = args.actual;
  const values = {
    value: a.value,
    as_of: a.asOf,
    source: a.source === '' ? null : a.source,
    entry_id: args.entryId,
    updated_at: args.now,
    updated_by: args.userId,
  };
  await trx
    .insertInto('kpi_actuals')
    .values({
      kpi_id: args.kpiId,
      municipality_code: args.municipalityCode,
      fiscal_year: a.fiscalYear,
      ...values,
    })
    .onConflict((oc) => oc.columns(['kpi_id', 'fiscal_year']).doUpdateSet(values))
    .execute();
}

/** Records (or replaces) a KPI's actual for a fiscal year; the year must be open for entry. */
export async function saveKpiActual(
  ctx: AppContext,
  actor: Actor | null,
  args: { municipalityCode: string; kpiId: number; input: unknown; entryId?: number | null },
): Promise<void> {
  const parsed = KpiActualInputSchema.safeParse(args.input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const code = args.municipalityCode;
  const owner = await storedKpiOwner(ctx.store.db, code, args.kpiId);
  const year = await yearStatus(ctx.store.db, code, owner.planId, parsed.data.fiscalYear);
  if (!canEnterKpiActual(actor, code, owner, year) || !actor)
    throw new SouseiError('forbidden', 'auth.forbidden');
  const now = ctx.now();
  await ctx.store.db.transaction().execute((trx) =>
    writeKpiActual(trx, {
      municipalityCode: code,
      kpiId: args.kpiId,
      actual: parsed.data,
      entryId: args.entryId ?? null,
      userId: actor.userId,
      now,
    }),
  );
}

/**
 * Marks a result as a KPI result (the source's underline) linked to a KPI, or with `kpiId` null
 * takes the mark off. With `takeValue`, the figure written in the result (in the KPI's unit where
 * there is one) becomes that year's actual. A project KPI takes results of its own project only;
 * the result's year must be open. All or nothing: a result without a figure changes nothing.
 * Returns the value taken, if any.
 */
export async function linkEntryToKpi(
  ctx: AppContext,
  actor: Actor | null,
  args: { municipalityCode: string; entryId: number; kpiId: number | null; takeValue: boolean },
): Promise<number | null> {
  const code = args.municipalityCode;
  const db = ctx.store.db;
  const entry = await db
    .selectFrom('activity_entries')
    .innerJoin('activities', 'activities.id', 'activity_entries.activity_id')
    .innerJoin('projects', 'projects.id', 'activities.project_id')
    .select([
      'activity_entries.id',
      'activity_entries.kind',
      'activity_entries.fiscal_year',
      'activity_entries.text',
      'projects.id as project_id',
      'projects.plan_id',
      'projects.department_id',
    ])
    .where('activity_entries.id', '=', args.entryId)
    .where('activity_entries.municipality_code', '=', code)
    .executeTakeFirst();
  if (entry?.kind !== 'result') throw new SouseiError('not-found', 'kpi.entry-not-found');
  const kpi = args.kpiId === null ? null : await storedKpiOwner(db, code, args.kpiId);
  if (kpi && kpi.planId !== entry.plan_id) throw new SouseiError('not-found', 'kpi.not-found');
  if (kpi && kpi.scope === 'project' && kpi.projectId !== entry.project_id) {
    throw new SouseiError('not-found', 'kpi.entry-not-found');
  }
  const year =
    entry.fiscal_year === null
      ? 'preparing'
      : await yearStatus(db, code, entry.plan_id, entry.fiscal_year);
  const entryOwner = { scope: 'project' as const, departmentId: entry.department_id };
  const allowed =
    canEnterKpiActual(actor, code, entryOwner, year) &&
    (kpi === null || canEnterKpiActual(actor, code, kpi, year));
  if (!allowed || !actor) throw new SouseiError('forbidden', 'auth.forbidden');
  const take = args.takeValue && kpi !== null && args.kpiId !== null && entry.fiscal_year !== null;
  const figure = take ? figureFor(entry.text, kpi.unit) : null;
  if (take && !figure)
    throw new SouseiError('invalid-input', 'kpi.no-figure', { text: entry.text });
  const now = ctx.now();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('activity_entries')
      .set({ kpi: args.kpiId === null ? 0 : 1, kpi_id: args.kpiId })
      .where('id', '=', entry.id)
      .execute();
    if (figure && args.kpiId !== null && entry.fiscal_year !== null) {
      await writeKpiActual(trx, {
        municipalityCode: code,
        kpiId: args.kpiId,
        actual: {
          fiscalYear: entry.fiscal_year,
          value: figure.value,
          asOf: null,
          source: '事業の結果',
        },
        entryId: entry.id,
        userId: actor.userId,
        now,
      });
    }
  });
  return figure?.value ?? null;
}
