import { z } from 'zod';
import { SouseiError } from '../../core/errors.ts';
import { figureFor } from '../../core/extract-figures.ts';
import { type Actor, canEnterKpiActual, canManageKpi } from '../../core/permissions.ts';
import type { AppContext } from '../app-context.ts';
import { yearStatus } from '../workflow/year-status.ts';

const fiscalYear = z.number().int().min(1868).max(2200);

/** A KPI as entered in a form or an import row; the type is derived from the schema. */
export const KpiInputSchema = z
  .object({
    scope: z.enum(['goal', 'measure', 'project']),
    nodeId: z.number().int().nullable().default(null),
    projectId: z.number().int().nullable().default(null),
    name: z.string().trim().min(1).max(500),
    unit: z.string().trim().min(1).max(50),
    direction: z.enum(['higher', 'lower']),
    kind: z.enum(['annual', 'cumulative']),
    baselineValue: z.number().finite().nullable().default(null),
    baselineFiscalYear: fiscalYear.nullable().default(null),
    targetValue: z.number().finite(),
    targetFiscalYear: fiscalYear,
    yearTargets: z.array(z.object({ fiscalYear, value: z.number().finite() })).default([]),
  })
  .refine((k) => (k.scope === 'project' ? k.projectId !== null : k.nodeId !== null), {
    message: 'a project KPI needs its project, a goal or measure KPI its node',
    path: ['scope'],
  })
  .refine((k) => (k.baselineValue === null) === (k.baselineFiscalYear === null), {
    message: 'a baseline needs both its value and its fiscal year',
    path: ['baselineFiscalYear'],
  });

export type KpiInput = z.infer<typeof KpiInputSchema>;

interface KpiTarget {
  scope: KpiInput['scope'];
  departmentId: number | null;
  planId: number;
}

/** Where a KPI would belong, checked to be in the municipality and plan. */
async function targetOf(
  ctx: AppContext,
  code: string,
  planId: number,
  input: KpiInput,
): Promise<KpiTarget> {
  const db = ctx.store.db;
  if (input.scope === 'project') {
    const p = await db
      .selectFrom('projects')
      .select(['department_id', 'plan_id'])
      .where('id', '=', input.projectId ?? -1)
      .where('municipality_code', '=', code)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (!p) throw new SouseiError('not-found', 'project.not-found', { id: input.projectId ?? '' });
    return { scope: 'project', departmentId: p.department_id, planId };
  }
  const n = await db
    .selectFrom('plan_nodes')
    .select(['depth'])
    .where('id', '=', input.nodeId ?? -1)
    .where('municipality_code', '=', code)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  if (!n) throw new SouseiError('not-found', 'kpi.node-not-found');
  return { scope: input.scope, departmentId: null, planId };
}

/** Creates a KPI, or updates the one with `kpiId`; returns its id. */
export async function saveKpi(
  ctx: AppContext,
  actor: Actor | null,
  args: { municipalityCode: string; planId: number; kpiId?: number; input: unknown },
): Promise<number> {
  const parsed = KpiInputSchema.safeParse(args.input);
  if (!parsed.success) {
    throw new SouseiError('invalid-input', 'kpi.invalid', {
      detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  }
  const input = parsed.data;
  const code = args.municipalityCode;
  const target = await targetOf(ctx, code, args.planId, input);
  if (!canManageKpi(actor, code, target)) throw new SouseiError('forbidden', 'auth.forbidden');
  const now = ctx.now();
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
    updated_at: now,
  };
  return ctx.store.db.transaction().execute(async (trx) => {
    let id = args.kpiId;
    if (id !== undefined) {
      const existing = await trx
        .selectFrom('kpis')
        .select(['scope', 'project_id'])
        .where('id', '=', id)
        .where('municipality_code', '=', code)
        .where('plan_id', '=', args.planId)
        .executeTakeFirst();
      if (!existing) throw new SouseiError('not-found', 'kpi.not-found');
      await trx.updateTable('kpis').set(values).where('id', '=', id).execute();
      await trx.deleteFrom('kpi_year_targets').where('kpi_id', '=', id).execute();
    } else {
      const count = await trx
        .selectFrom('kpis')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('plan_id', '=', args.planId)
        .executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('kpis')
        .values({
          municipality_code: code,
          plan_id: args.planId,
          position: Number(count.n),
          ...values,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    for (const t of input.yearTargets) {
      await trx
        .insertInto('kpi_year_targets')
        .values({ kpi_id: id, municipality_code: code, fiscal_year: t.fiscalYear, value: t.value })
        .execute();
    }
    return id;
  });
}

async function kpiTarget(ctx: AppContext, code: string, kpiId: number) {
  const k = await ctx.store.db
    .selectFrom('kpis')
    .leftJoin('projects', 'projects.id', 'kpis.project_id')
    .select(['kpis.scope', 'kpis.plan_id', 'kpis.unit', 'projects.department_id'])
    .where('kpis.id', '=', kpiId)
    .where('kpis.municipality_code', '=', code)
    .executeTakeFirst();
  if (!k) throw new SouseiError('not-found', 'kpi.not-found');
  return {
    scope: k.scope as KpiInput['scope'],
    departmentId: k.department_id ?? null,
    planId: k.plan_id,
    unit: k.unit,
  };
}

export const KpiActualInputSchema = z.object({
  fiscalYear,
  value: z.number().finite(),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .default(null),
  source: z.string().trim().max(500).nullable().default(null),
});

/** Records (or replaces) a KPI's actual for a fiscal year; the year must be open for entry. */
export async function saveKpiActual(
  ctx: AppContext,
  actor: Actor | null,
  args: { municipalityCode: string; kpiId: number; input: unknown; entryId?: number | null },
): Promise<void> {
  const parsed = KpiActualInputSchema.safeParse(args.input);
  if (!parsed.success) {
    throw new SouseiError('invalid-input', 'kpi.invalid', {
      detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  }
  const a = parsed.data;
  const code = args.municipalityCode;
  const target = await kpiTarget(ctx, code, args.kpiId);
  const year = await yearStatus(ctx.store.db, code, target.planId, a.fiscalYear);
  if (!canEnterKpiActual(actor, code, target, year) || !actor)
    throw new SouseiError('forbidden', 'auth.forbidden');
  const values = {
    value: a.value,
    as_of: a.asOf,
    source: a.source,
    entry_id: args.entryId ?? null,
    updated_at: ctx.now(),
    updated_by: actor.userId,
  };
  await ctx.store.db
    .insertInto('kpi_actuals')
    .values({ kpi_id: args.kpiId, municipality_code: code, fiscal_year: a.fiscalYear, ...values })
    .onConflict((oc) => oc.columns(['kpi_id', 'fiscal_year']).doUpdateSet(values))
    .execute();
}

/**
 * Marks a result as a KPI result (the source's underline) linked to a KPI; with `takeValue`,
 * the figure written in the result (in the KPI's unit where there is one) becomes that year's
 * actual. Returns the value taken, if any.
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
      'activity_entries.fiscal_year',
      'activity_entries.text',
      'projects.plan_id',
      'projects.department_id',
    ])
    .where('activity_entries.id', '=', args.entryId)
    .where('activity_entries.municipality_code', '=', code)
    .executeTakeFirst();
  if (!entry) throw new SouseiError('not-found', 'kpi.entry-not-found');
  const kpi = args.kpiId === null ? null : await kpiTarget(ctx, code, args.kpiId);
  if (kpi && kpi.planId !== entry.plan_id) throw new SouseiError('not-found', 'kpi.not-found');
  const year =
    entry.fiscal_year === null
      ? 'preparing'
      : await yearStatus(db, code, entry.plan_id, entry.fiscal_year);
  const allowed = canEnterKpiActual(
    actor,
    code,
    kpi ?? { scope: 'project', departmentId: entry.department_id },
    year,
  );
  if (!allowed) throw new SouseiError('forbidden', 'auth.forbidden');
  await db
    .updateTable('activity_entries')
    .set({ kpi: args.kpiId === null ? 0 : 1, kpi_id: args.kpiId })
    .where('id', '=', entry.id)
    .execute();
  if (!args.takeValue || !kpi || args.kpiId === null || entry.fiscal_year === null) return null;
  const figure = figureFor(entry.text, kpi.unit);
  if (!figure) throw new SouseiError('invalid-input', 'kpi.no-figure', { text: entry.text });
  await saveKpiActual(ctx, actor, {
    municipalityCode: code,
    kpiId: args.kpiId,
    input: { fiscalYear: entry.fiscal_year, value: figure.value, asOf: null, source: '事業の結果' },
    entryId: entry.id,
  });
  return figure.value;
}
