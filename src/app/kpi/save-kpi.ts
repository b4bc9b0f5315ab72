import { z } from 'zod';
import type { ChangeOrigin } from '../../core/change.ts';
import { SouseiError } from '../../core/errors.ts';
import { figureFor } from '../../core/extract-figures.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { type Actor, canEnterKpiActual, canManageKpi } from '../../core/permissions.ts';
import type { YearStatus } from '../../core/workflow.ts';
import { t } from '../../i18n/translate.ts';
import type { AppContext } from '../app-context.ts';

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

function invalid(issues: readonly z.core.$ZodIssue[]): SouseiError {
  return new SouseiError('invalid-input', 'kpi.invalid', {
    detail: issues.map((i) => `${i.path.join('.')}: ${t(i.message)}`).join('; '),
  });
}

/** Creates a KPI, or updates the one with `kpiId`; returns its id. */
export async function saveKpi(
  ctx: AppContext,
  actor: Actor | null,
  args: {
    municipalityCode: string;
    planId: number;
    kpiId?: number;
    input: unknown;
    origin?: ChangeOrigin;
  },
): Promise<number> {
  const parsed = KpiInputSchema.safeParse(args.input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const input = parsed.data;
  const code = args.municipalityCode;
  const kpis = ctx.store.kpis;
  const owner = await kpis.ownerOf(code, args.planId, input);
  if (!canManageKpi(actor, code, owner)) throw new SouseiError('forbidden', 'auth.forbidden');
  if (args.kpiId !== undefined) {
    // Whoever edits a KPI must be allowed both where it is and where it would go.
    const stored = await kpis.storedOwner(code, args.kpiId);
    if (stored.planId !== args.planId) throw new SouseiError('not-found', 'kpi.not-found');
    if (!canManageKpi(actor, code, stored)) throw new SouseiError('forbidden', 'auth.forbidden');
  }
  return kpis.save(
    { municipalityCode: code, planId: args.planId, kpiId: args.kpiId, fields: input },
    { userId: actor?.userId ?? null, origin: args.origin ?? 'web', now: ctx.now() },
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

/**
 * Whether the actor may enter an actual for the year, and if not, the true reason: someone
 * allowed in an open year is told the year is closed (or not open yet), not 権限がありません.
 */
function assertMayEnterActual(
  actor: Actor | null,
  code: string,
  owner: { scope: KpiInput['scope']; departmentId: number | null },
  year: YearStatus,
  fiscalYear: number,
): void {
  if (canEnterKpiActual(actor, code, owner, year)) return;
  if (!canEnterKpiActual(actor, code, owner, 'open')) {
    throw new SouseiError('forbidden', 'auth.forbidden');
  }
  if (year === 'locked' || year === 'published') {
    throw new SouseiError('conflict', 'year.locked', {
      fiscalYear: formatFiscalYear(fiscalYear, 'long'),
    });
  }
  throw new SouseiError('conflict', 'year.not-open');
}

/** Records (or replaces) a KPI's actual for a fiscal year; the year must be open for entry. */
export async function saveKpiActual(
  ctx: AppContext,
  actor: Actor | null,
  args: {
    municipalityCode: string;
    kpiId: number;
    input: unknown;
    entryId?: number | null;
    origin?: ChangeOrigin;
  },
): Promise<void> {
  const parsed = KpiActualInputSchema.safeParse(args.input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const code = args.municipalityCode;
  const owner = await ctx.store.kpis.storedOwner(code, args.kpiId);
  const fy = parsed.data.fiscalYear;
  const year = (await ctx.store.years.statuses(code, owner.planId)).get(fy) ?? 'preparing';
  assertMayEnterActual(actor, code, owner, year, fy);
  if (!actor) throw new SouseiError('forbidden', 'auth.forbidden');
  await ctx.store.kpis.saveActual(
    {
      municipalityCode: code,
      kpiId: args.kpiId,
      actual: parsed.data,
      entryId: args.entryId ?? null,
    },
    { userId: actor.userId, origin: args.origin ?? 'web', now: ctx.now() },
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
  const kpis = ctx.store.kpis;
  const entry = await kpis.findEntry(code, args.entryId);
  if (entry?.kind !== 'result') throw new SouseiError('not-found', 'kpi.entry-not-found');
  const kpi = args.kpiId === null ? null : await kpis.storedOwner(code, args.kpiId);
  if (kpi && kpi.planId !== entry.planId) throw new SouseiError('not-found', 'kpi.not-found');
  if (kpi && kpi.scope === 'project' && kpi.projectId !== entry.projectId) {
    throw new SouseiError('not-found', 'kpi.entry-not-found');
  }
  const year =
    entry.fiscalYear === null
      ? 'preparing'
      : ((await ctx.store.years.statuses(code, entry.planId)).get(entry.fiscalYear) ?? 'preparing');
  const entryOwner = { scope: 'project' as const, departmentId: entry.departmentId };
  const allowed =
    canEnterKpiActual(actor, code, entryOwner, year) &&
    (kpi === null || canEnterKpiActual(actor, code, kpi, year));
  if (!allowed || !actor) throw new SouseiError('forbidden', 'auth.forbidden');
  const take = args.takeValue && kpi !== null && args.kpiId !== null && entry.fiscalYear !== null;
  const figure = take ? figureFor(entry.text, kpi.unit) : null;
  if (take && !figure)
    throw new SouseiError('invalid-input', 'kpi.no-figure', { text: entry.text });
  await kpis.linkResult(
    {
      municipalityCode: code,
      planId: entry.planId,
      entryId: entry.id,
      fiscalYear: entry.fiscalYear,
      kpiId: args.kpiId,
      actual:
        figure && entry.fiscalYear !== null
          ? { fiscalYear: entry.fiscalYear, value: figure.value, asOf: null, source: '事業の結果' }
          : null,
    },
    { userId: actor.userId, origin: 'web', now: ctx.now() },
  );
  return figure?.value ?? null;
}
