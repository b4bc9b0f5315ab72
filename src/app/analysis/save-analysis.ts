import { z } from 'zod';
import { SouseiError } from '../../core/errors.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { type Actor, isAdmin } from '../../core/permissions.ts';
import type { StoredAnalysis } from '../../store/analyses/analysis-store.ts';
import type { AppContext } from '../app-context.ts';
import type { PlanView } from '../views/plan-view.ts';
import type { FieldError } from '../workflow/save-project-year.ts';
import { loadAnalysisPage } from './analysis-page.ts';

/** Longest analysis text of one scope (a goal's runs to a page). */
export const MAX_ANALYSIS = 20_000;

/**
 * The edit form: which scope, the text, the version read, and what to do: 保存, 承認 (the text
 * as shown), or 新しい下書きを採用 (replace the text by the current draft, on the user's choice).
 */
export const AnalysisFormSchema = z.object({
  scope: z.string().regex(/^(plan|node-[1-9]\d{0,14})$/, 'analysis.error.scope'),
  // Browsers send CRLF; the stored text has LF, without trailing blanks.
  text: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trimEnd())
    .pipe(z.string().max(MAX_ANALYSIS, 'analysis.error.too-long')),
  version: z.coerce.number().int().min(0, 'form.stale'),
  action: z.enum(['save', 'approve', 'adopt'], 'form.stale'),
});

/** The form's fields as posted, before validation. */
export type AnalysisForm = Record<keyof z.input<typeof AnalysisFormSchema>, unknown>;

export type SaveAnalysisResult =
  | { ok: true; action: 'save' | 'approve' | 'adopt' }
  | { ok: false; kind: 'invalid'; errors: Record<'text', FieldError> }
  | { ok: false; kind: 'conflict'; current: StoredAnalysis | null };

/**
 * Saves, approves or renews one scope's text: 企画課 only. The scope must be one the plan's
 * draft has; an empty text is refused; a stale version is refused with the text as it now is.
 */
export async function saveAnalysis(
  ctx: AppContext,
  actor: Actor | null,
  view: PlanView,
  fiscalYear: FiscalYear,
  form: AnalysisForm,
): Promise<SaveAnalysisResult> {
  const code = view.summary.municipalityCode;
  if (!isAdmin(actor, code)) throw new SouseiError('forbidden', 'auth.forbidden');
  const parsed = AnalysisFormSchema.safeParse(form);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] !== 'text') throw new SouseiError('usage', issue?.message ?? 'form.stale');
    return {
      ok: false,
      kind: 'invalid',
      errors: { text: { key: issue.message, params: { max: MAX_ANALYSIS } } },
    };
  }
  const input = parsed.data;
  const page = await loadAnalysisPage(ctx, actor, view, fiscalYear);
  const scope = page.scopes.find((s) => s.draft.key === input.scope);
  if (!scope) throw new SouseiError('not-found', 'analysis.not-found');
  const text = input.action === 'adopt' ? scope.generated : input.text;
  if (!text)
    return { ok: false, kind: 'invalid', errors: { text: { key: 'analysis.error.empty' } } };
  // The stored text keeps the draft it was written from until the user adopts a newer one.
  const basis =
    input.action === 'adopt' ? scope.generated : (scope.stored?.basis ?? scope.generated);
  const key = { municipalityCode: code, planId: view.summary.id, fiscalYear, scope: input.scope };
  const writer = { userId: actor.userId, origin: 'web' as const, now: ctx.now() };
  const values = { text, basis, expectedVersion: input.version };
  const result =
    input.action === 'approve'
      ? await ctx.store.analyses.approve(key, values, writer)
      : await ctx.store.analyses.save(key, values, writer);
  if (!result.ok) return { ok: false, kind: 'conflict', current: result.current };
  return { ok: true, action: input.action };
}
