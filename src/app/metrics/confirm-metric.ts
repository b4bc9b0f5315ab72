import { z } from 'zod';
import { SouseiError } from '../../core/errors.ts';
import type { Metric } from '../../core/figures/metric.ts';
import { type Actor, canEditProjectYear } from '../../core/permissions.ts';
import { metricOf } from '../../core/stored-metric.ts';
import type { AppContext } from '../app-context.ts';
import type { PlanView } from '../views/plan-view.ts';
import type { FieldError } from '../workflow/save-project-year.ts';

/** What the confirm form posts, as typed. */
export interface MetricForm {
  entry: string;
  position: string;
  version: string;
  label: string;
  value: string;
  unit: string;
  approximate: boolean;
  cumulative: boolean;
  total: boolean;
}

/** 全角 digits, commas and spaces as people type them; a plain decimal afterwards. */
const decimal = z
  .string()
  .transform((s) => s.normalize('NFKC').replace(/[,\s]/g, ''))
  .pipe(z.string().regex(/^\d{1,15}(\.\d{1,6})?$/, 'metric.error.value'))
  .transform(Number);

const MetricFormSchema = z.object({
  entry: z.coerce.number().int().positive(),
  position: z.coerce.number().int().min(0),
  version: z.coerce.number().int().min(0),
  label: z.string().trim().max(100, 'metric.error.too-long'),
  value: decimal,
  unit: z.string().trim().max(20, 'metric.error.too-long'),
  approximate: z.boolean(),
  cumulative: z.boolean(),
  total: z.boolean(),
});

export type ConfirmMetricResult =
  | { ok: true }
  | { ok: false; kind: 'invalid'; errors: Record<string, FieldError> }
  | { ok: false; kind: 'conflict'; version: number };

/**
 * A person confirms a figure as read, or corrects it (label, value, unit, flags), for a result
 * of a project-year they may edit. What the sentence said besides (part of, target, as of) is
 * kept. From then on re-reading the words never changes the figure; the history has it.
 */
export async function confirmMetric(
  ctx: AppContext,
  actor: Actor | null,
  target: { view: PlanView; projectId: number; fiscalYear: number },
  form: MetricForm,
): Promise<ConfirmMetricResult> {
  const { view, projectId, fiscalYear } = target;
  const code = view.summary.municipalityCode;
  const planId = view.summary.id;
  const ref = [...view.refs.values()].find((r) => r.id === projectId);
  if (!ref) throw new SouseiError('not-found', 'project.not-found', { id: projectId });
  const yearStatus = view.years.find((y) => y.fiscalYear === fiscalYear)?.status ?? 'preparing';
  const { status } = await ctx.store.projectYears.status(code, { id: ref.id, planId }, fiscalYear);
  if (!canEditProjectYear(actor, code, ref, yearStatus, status) || !actor) {
    throw new SouseiError('forbidden', 'auth.forbidden');
  }
  const parsed = MetricFormSchema.safeParse(form);
  if (!parsed.success) {
    const errors: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'value');
      errors[key] ??= { key: issue.message.startsWith('metric.') ? issue.message : 'form.stale' };
    }
    return { ok: false, kind: 'invalid', errors };
  }
  const input = parsed.data;
  const stored = await ctx.store.metrics.find(code, input.entry, input.position);
  if (!stored || stored.projectId !== projectId || stored.fiscalYear !== fiscalYear) {
    throw new SouseiError('not-found', 'metric.not-found');
  }
  const { entryId, position } = stored;
  const metric: Metric = {
    ...metricOf(stored),
    label: input.label,
    value: input.value,
    unit: input.unit,
    approximate: input.approximate,
    cumulative: input.cumulative,
    total: input.total,
  };
  const outcome = await ctx.store.metrics.confirm({
    municipalityCode: code,
    planId,
    projectId,
    fiscalYear,
    entryId,
    position,
    metric,
    expectedVersion: input.version,
    userId: actor.userId,
    origin: 'web',
    at: ctx.now(),
  });
  if (outcome.ok) return { ok: true };
  if ('conflict' in outcome) return { ok: false, kind: 'conflict', version: outcome.version };
  throw new SouseiError('not-found', 'metric.not-found');
}
