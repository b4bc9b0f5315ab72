import type { AppContext } from '../../app/app-context.ts';
import { saveKpiActual } from '../../app/kpi/save-kpi.ts';
import { changeProjectStatus } from '../../app/workflow/project-status.ts';
import { type ProjectYearForm, saveProjectYear } from '../../app/workflow/save-project-year.ts';
import { SouseiError } from '../../core/errors.ts';
import { parseAsOfDate, parseKpiNumber } from '../../core/kpi-input.ts';
import { type AmountUnit, amountFromNumber, formatAmount } from '../../core/money.ts';
import type { Actor } from '../../core/permissions.ts';
import { t } from '../../i18n/translate.ts';
import { ApiProblem } from './http.ts';
import { inUnit } from './read-api.ts';
import type {
  KpiActualBody,
  ProjectStatusBody,
  ProjectYearBody,
  ProjectYearSaved,
} from './schemas.ts';

/**
 * The write side of the API: the web app's use cases, called with the token's user, so the same
 * rules hold (the year open, own departments, accepted projects closed, optimistic versions).
 * Ids are looked up in the token user's own municipality only: another city's are not found.
 */

/** An amount as the entry form would hold it: numbers exactly in the unit, text as typed. */
function amountText(value: number | string | null, unit: AmountUnit): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  const parsed = amountFromNumber(value, unit);
  // What cannot be read goes to the use case as written, which reports it on the field.
  return parsed.ok ? formatAmount(parsed.yen, unit) : String(value);
}

/**
 * Budget and settlement of a project for a year. The form is built from the stored state, so
 * the year's results and revisions stay as they are.
 */
export async function putProjectYear(
  ctx: AppContext,
  actor: Actor,
  args: { projectId: number; fiscalYear: number; body: ProjectYearBody },
): Promise<ProjectYearSaved> {
  const code = actor.municipalityCode;
  const row = await ctx.store.projectYears.project(code, args.projectId);
  const indexed = await ctx.store.plans.loadIndexed(code, row.planId);
  const project = indexed && [...indexed.projects].find(([, ref]) => ref.id === row.id)?.[0];
  if (!indexed || !project) throw new SouseiError('not-found', 'project.not-found', { id: row.id });
  const unit = indexed.plan.amountUnit;
  const form: ProjectYearForm = {
    version: args.body.version,
    budget: amountText(args.body.budget, unit),
    settlement: amountText(args.body.settlement, unit),
    activities: project.activities.map((a) => ({
      entries: a.entries
        .filter((e) => e.fiscalYear === args.fiscalYear)
        .map((e) => ({ kind: e.kind, text: e.text, kpi: e.kpi })),
    })),
    newActivity: null,
  };
  const result = await saveProjectYear(ctx, actor, {
    origin: 'api',
    municipalityCode: code,
    projectId: row.id,
    fiscalYear: args.fiscalYear,
    form,
  });
  if (result.ok) {
    const saved = await ctx.store.plans.finance(code, row.id, args.fiscalYear);
    return {
      projectId: row.id,
      fiscalYear: args.fiscalYear,
      version: result.version,
      changes: result.changes,
      amountUnit: unit,
      budget: inUnit(saved?.budget ?? null, unit),
      settlement: inUnit(saved?.settlement ?? null, unit),
    };
  }
  if (result.kind === 'invalid') {
    const fields = Object.fromEntries(
      Object.entries(result.errors).map(([field, e]) => [field, t(e.key, e.params)]),
    );
    throw new ApiProblem('invalid-input', 'api.field-errors', {}, { fields });
  }
  const current = result.current;
  throw new ApiProblem(
    'conflict',
    'api.version-conflict',
    { version: current.version },
    {
      current: {
        version: current.version,
        budget: inUnit(current.budget, unit),
        settlement: inUnit(current.settlement, unit),
      },
      lastChange: result.lastChange,
    },
  );
}

export async function postProjectStatus(
  ctx: AppContext,
  actor: Actor,
  args: { projectId: number; fiscalYear: number; body: ProjectStatusBody },
) {
  const status = await changeProjectStatus(ctx, actor, {
    municipalityCode: actor.municipalityCode,
    projectId: args.projectId,
    fiscalYear: args.fiscalYear,
    action: args.body.action,
    comment: args.body.comment,
    reasons: args.body.reasons,
  });
  return { projectId: args.projectId, fiscalYear: args.fiscalYear, status };
}

/** A KPI's actual for a year; numbers and dates also as Japanese users write them. */
export async function putKpiActual(
  ctx: AppContext,
  actor: Actor,
  args: { kpiId: number; fiscalYear: number; body: KpiActualBody },
) {
  const { body } = args;
  const fields: Record<string, string> = {};
  const value = typeof body.value === 'number' ? body.value : parseKpiNumber(body.value);
  if (value === null || !Number.isFinite(value)) fields.value = t('api.kpi-value');
  const asOfText = body.asOf?.trim() ?? '';
  const asOf = asOfText === '' ? null : parseAsOfDate(asOfText);
  if (asOfText !== '' && asOf === null) fields.asOf = t('api.kpi-date');
  if (Object.keys(fields).length > 0 || value === null) {
    throw new ApiProblem('invalid-input', 'api.field-errors', {}, { fields });
  }
  const source = body.source?.trim() || null;
  await saveKpiActual(ctx, actor, {
    municipalityCode: actor.municipalityCode,
    kpiId: args.kpiId,
    input: { fiscalYear: args.fiscalYear, value, asOf, source },
    origin: 'api',
  });
  return { kpiId: args.kpiId, fiscalYear: args.fiscalYear, value, asOf, source };
}
