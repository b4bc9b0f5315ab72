import { activityTitle } from '../../core/activity-notation.ts';
import { SouseiError } from '../../core/errors.ts';
import { parseAmount, type Yen } from '../../core/money.ts';
import { type Actor, canActOnProject, canEditProjectYear } from '../../core/permissions.ts';
import type { Activity, Entry, EntryKind } from '../../core/plan.ts';
import type { AppContext } from '../app-context.ts';
import { assertMayWrite } from './assert-entry-open.ts';
import { storedPlan } from './stored-plan.ts';
import { type SubmitReasons, submitGaps } from './submit-gaps.ts';

/** What a department types for one project and one fiscal year (the entry form). */
export interface ProjectYearForm {
  /** The project's version when the form was shown (optimistic concurrency). */
  version: number;
  /** 予算 and 決算 as typed, in the plan's unit (千円); full-width digits and commas accepted. */
  budget: string;
  settlement: string;
  /** This year's entries of each existing activity, by position; other years' stay as they are. */
  activities: { entries: { kind: EntryKind; text: string; kpi: boolean }[] }[];
  /** A new activity (☐) with an optional first result for the year. */
  newActivity: { text: string; result: string } | null;
}

export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}

export interface ProjectYearSnapshot {
  version: number;
  budget: Yen | null;
  settlement: Yen | null;
  activities: Activity[];
}

export type SaveProjectYearResult =
  | { ok: true; version: number; changes: number }
  | { ok: false; kind: 'invalid'; errors: Record<string, FieldError> }
  | {
      ok: false;
      kind: 'conflict';
      current: ProjectYearSnapshot;
      lastChange: { userName: string | null; at: string } | null;
    };

const MAX_TEXT = 4000;

export interface ProjectYearInput {
  municipalityCode: string;
  projectId: number;
  fiscalYear: number;
  form: ProjectYearForm;
  /** Where the change came from, for the history (web form or API). */
  origin?: 'web' | 'api';
}

function sameJson(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The project's activities with this year's entries replaced by the form's. */
function mergedActivities(
  current: Activity[],
  form: ProjectYearForm,
  fiscalYear: number,
): Activity[] {
  const merged = current.map((activity, i) => {
    const typed = form.activities[i]?.entries ?? [];
    const kept = activity.entries.filter((e) => e.fiscalYear !== fiscalYear);
    const mine = activity.entries.filter((e) => e.fiscalYear === fiscalYear);
    const entries: Entry[] = typed
      .filter((e) => e.text.trim() !== '')
      .map((e, j) => ({
        kind: e.kind,
        fiscalYear,
        // Keep the label as written while the entry is the one that was there.
        yearLabel: mine[j]?.text === e.text.trim() ? (mine[j]?.yearLabel ?? null) : null,
        text: e.text.trim(),
        kpi: e.kpi,
      }));
    const next = { ...activity, entries: [...kept, ...entries] };
    // An edited item no longer says what the source said: drop the source, render anew.
    return sameJson(next.entries, activity.entries) ? activity : { ...next, source: null };
  });
  const added = form.newActivity;
  if (added && added.text.trim() !== '') {
    const text = added.text.trim();
    const result = added.result.trim();
    merged.push({
      title: activityTitle(text),
      text,
      source: null,
      relistOf: null,
      introducedIn: fiscalYear,
      entries: result
        ? [{ kind: 'result', fiscalYear, yearLabel: null, text: result, kpi: false }]
        : [],
    });
  }
  return merged;
}

/** What a valid form will write, read and checked before anything is written. */
interface PreparedWrite {
  actor: Actor;
  planId: number;
  current: ProjectYearSnapshot;
  budget: Yen | null;
  settlement: Yen | null;
  activities: Activity[];
}

type Prepared = { ok: true; write: PreparedWrite } | Extract<SaveProjectYearResult, { ok: false }>;

/**
 * Reads and checks a form against the stored project: the year must be open (a closed year
 * says so), the actor allowed; unreadable fields come back as field errors.
 */
async function prepare(
  ctx: AppContext,
  actor: Actor | null,
  input: ProjectYearInput,
): Promise<Prepared> {
  const { municipalityCode: code, fiscalYear, form } = input;
  const project = await ctx.store.projectYears.project(code, input.projectId);
  const year = await ctx.store.years.status(code, project.planId, fiscalYear);
  const { status } = await ctx.store.projectYears.status(code, project, fiscalYear);
  assertMayWrite(
    canEditProjectYear(actor, code, project, 'open', status),
    canEditProjectYear(actor, code, project, year, status),
    year,
    fiscalYear,
  );
  if (!actor) throw new SouseiError('forbidden', 'auth.forbidden');
  const indexed = await storedPlan(ctx, code, project.planId);
  const entry = indexed && [...indexed.projects].find(([, ref]) => ref.id === project.id);
  if (!indexed || !entry)
    throw new SouseiError('not-found', 'project.not-found', { id: project.id });
  const [model] = entry;
  const unit = indexed.plan.amountUnit;
  const finance = model.finances.find((f) => f.fiscalYear === fiscalYear);
  const current: ProjectYearSnapshot = {
    version: project.version,
    budget: finance?.budget ?? null,
    settlement: finance?.settlement ?? null,
    activities: model.activities,
  };

  const errors: Record<string, FieldError> = {};
  const amount = (field: 'budget' | 'settlement'): Yen | null => {
    const parsed = parseAmount(form[field], unit);
    if (parsed.ok) return parsed.yen;
    errors[field] = { key: `amount.${parsed.reason}`, params: { unit } };
    return null;
  };
  const budget = amount('budget');
  const settlement = amount('settlement');
  for (const [i, a] of form.activities.entries()) {
    for (const [j, e] of a.entries.entries()) {
      if (e.text.length > MAX_TEXT) {
        errors[`activities.${i}.entries.${j}.text`] = {
          key: 'text.too-long',
          params: { max: MAX_TEXT },
        };
      }
    }
  }
  if (form.activities.length > model.activities.length) errors.activities = { key: 'form.stale' };
  if (Object.keys(errors).length > 0) return { ok: false, kind: 'invalid', errors };
  const activities = mergedActivities(model.activities, form, fiscalYear);
  return {
    ok: true,
    write: { actor, planId: project.planId, current, budget, settlement, activities },
  };
}

function entryWrite(input: ProjectYearInput, w: PreparedWrite, at: string) {
  return {
    municipalityCode: input.municipalityCode,
    planId: w.planId,
    projectId: input.projectId,
    fiscalYear: input.fiscalYear,
    userId: w.actor.userId,
    origin: input.origin ?? 'web',
    at,
    expectedVersion: input.form.version,
    budget: w.budget,
    settlement: w.settlement,
    activities: w.activities,
    previousActivities: w.current.activities,
  } as const;
}

async function conflictResult(
  ctx: AppContext,
  input: ProjectYearInput,
  w: PreparedWrite,
  version: number,
): Promise<SaveProjectYearResult> {
  return {
    ok: false,
    kind: 'conflict',
    current: { ...w.current, version },
    lastChange: await ctx.store.history.lastChange(input.municipalityCode, input.projectId),
  };
}

/**
 * Saves one project's figures and results for a fiscal year. Refuses what the actor may not do;
 * returns field errors for what cannot be read (the form keeps what was typed); refuses a save
 * based on an older version than the stored one and shows the other person's change.
 */
export async function saveProjectYear(
  ctx: AppContext,
  actor: Actor | null,
  input: ProjectYearInput,
): Promise<SaveProjectYearResult> {
  const prepared = await prepare(ctx, actor, input);
  if (!prepared.ok) return prepared;
  const w = prepared.write;
  const outcome = await ctx.store.yearEntries.save(entryWrite(input, w, ctx.now()));
  if (!outcome.ok) return conflictResult(ctx, input, w, outcome.version);
  return outcome;
}

/**
 * 入力完了 from the form: saves what is in the form and marks the project submitted, in one
 * transaction. Refused, with nothing written and the form kept, when the year's 予算・決算 or a
 * result ▶ is missing without a stated reason (the reasons are recorded with the step).
 */
export async function submitProjectYear(
  ctx: AppContext,
  actor: Actor | null,
  input: ProjectYearInput & { reasons: SubmitReasons },
): Promise<SaveProjectYearResult> {
  const prepared = await prepare(ctx, actor, input);
  if (!prepared.ok) return prepared;
  const w = prepared.write;
  const project = await ctx.store.projectYears.project(input.municipalityCode, input.projectId);
  if (!canActOnProject(w.actor, input.municipalityCode, project, 'open', 'submit')) {
    throw new SouseiError('forbidden', 'auth.forbidden');
  }
  const after = {
    finances: [{ fiscalYear: input.fiscalYear, budget: w.budget, settlement: w.settlement }],
    activities: w.activities,
  };
  const gaps = submitGaps(after, input.fiscalYear, input.reasons);
  if (gaps.missing.length > 0) {
    const error = {
      key: 'project.submit-incomplete',
      params: { missing: gaps.missing.join('・') },
    };
    return { ok: false, kind: 'invalid', errors: { submit: error } };
  }
  const at = ctx.now();
  const outcome = await ctx.store.transaction(async (tx) => {
    const saved = await tx.yearEntries.save(entryWrite(input, w, at));
    if (!saved.ok) return saved;
    await tx.projectYears.transition({
      municipalityCode: input.municipalityCode,
      planId: w.planId,
      projectId: input.projectId,
      fiscalYear: input.fiscalYear,
      action: 'submit',
      comment: null,
      reasons: gaps.reasons,
      userId: w.actor.userId,
      at,
    });
    return saved;
  });
  if (!outcome.ok) return conflictResult(ctx, input, w, outcome.version);
  return outcome;
}
