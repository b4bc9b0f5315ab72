import { activityTitle } from '../../core/activity-notation.ts';
import { SouseiError } from '../../core/errors.ts';
import { parseAmount, type Yen } from '../../core/money.ts';
import { type Actor, canEditProjectYear } from '../../core/permissions.ts';
import type { Activity, Entry, EntryKind } from '../../core/plan.ts';
import { recordChange } from '../../store/history/record-change.ts';
import { loadIndexedPlan } from '../../store/load-plan.ts';
import { saveActivities } from '../../store/save-plan.ts';
import type { AppContext } from '../app-context.ts';
import { findProject, projectStatus } from './find-project.ts';
import { yearStatus } from './year-status.ts';

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

/**
 * Saves one project's figures and results for a fiscal year. Refuses what the actor may not do;
 * returns field errors for what cannot be read (the form keeps what was typed); refuses a save
 * based on an older version than the stored one and shows the other person's change.
 */
export async function saveProjectYear(
  ctx: AppContext,
  actor: Actor | null,
  input: {
    municipalityCode: string;
    projectId: number;
    fiscalYear: number;
    form: ProjectYearForm;
    /** Where the change came from, for the history (web form or API). */
    origin?: 'web' | 'api';
  },
): Promise<SaveProjectYearResult> {
  const db = ctx.store.db;
  const { municipalityCode: code, fiscalYear, form } = input;
  const project = await findProject(db, code, input.projectId);
  const year = await yearStatus(db, code, project.planId, fiscalYear);
  const { status } = await projectStatus(db, code, project, fiscalYear);
  if (!actor || !canEditProjectYear(actor, code, project, year, status)) {
    throw new SouseiError('forbidden', 'auth.forbidden');
  }
  const indexed = await loadIndexedPlan(db, code, project.planId);
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
  const now = ctx.now();
  const outcome = await db.transaction().execute(async (trx) => {
    const bumped = await trx
      .updateTable('projects')
      .set({ version: project.version + 1 })
      .where('id', '=', project.id)
      .where('version', '=', form.version)
      .executeTakeFirst();
    if (Number(bumped.numUpdatedRows) === 0) return 'conflict' as const;
    let changes = 0;
    const record = async (
      target: Parameters<typeof recordChange>[1]['target'],
      before: unknown,
      after: unknown,
    ) => {
      changes++;
      await recordChange(trx, {
        municipalityCode: code,
        planId: project.planId,
        projectId: project.id,
        fiscalYear,
        target,
        before,
        after,
        userId: actor.userId,
        origin: input.origin ?? 'web',
        at: now,
      });
    };
    if (budget !== current.budget || settlement !== current.settlement) {
      const values = { budget, settlement };
      await trx
        .insertInto('project_finances')
        .values({
          project_id: project.id,
          municipality_code: code,
          fiscal_year: fiscalYear,
          ...values,
        })
        .onConflict((oc) => oc.columns(['project_id', 'fiscal_year']).doUpdateSet(values))
        .execute();
      if (budget !== current.budget)
        await record({ type: 'finance', field: 'budget' }, current.budget, budget);
      if (settlement !== current.settlement) {
        await record({ type: 'finance', field: 'settlement' }, current.settlement, settlement);
      }
    }
    if (!sameJson(activities, current.activities)) {
      await saveActivities(trx, code, project.id, activities, { keepRelists: true });
      await record({ type: 'activities' }, current.activities, activities);
    }
    return changes;
  });
  if (outcome === 'conflict') {
    const fresh = await findProject(db, code, project.id);
    const last = await db
      .selectFrom('changes')
      .leftJoin('users', 'users.id', 'changes.user_id')
      .select(['users.name', 'changes.at'])
      .where('changes.project_id', '=', project.id)
      .where('changes.municipality_code', '=', code)
      .orderBy('changes.id', 'desc')
      .executeTakeFirst();
    return {
      ok: false,
      kind: 'conflict',
      current: { ...current, version: fresh.version },
      lastChange: last ? { userName: last.name, at: last.at } : null,
    };
  }
  return { ok: true, version: project.version + 1, changes: outcome };
}
