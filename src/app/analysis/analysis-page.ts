import { draftAnalysis, type ScopeDraft } from '../../core/analysis/draft-analysis.ts';
import { draftText } from '../../core/analysis/draft-segments.ts';
import { SouseiError } from '../../core/errors.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import { type Actor, isAdmin } from '../../core/permissions.ts';
import type { YearStatus } from '../../core/workflow.ts';
import type { AnalysisState, StoredAnalysis } from '../../store/analyses/analysis-store.ts';
import type { AppContext } from '../app-context.ts';
import type { PlanView } from '../views/plan-view.ts';
import { loadAnalysisInput } from './analysis-input.ts';

export type { AnalysisState, StoredAnalysis } from '../../store/analyses/analysis-store.ts';

/** One scope of the analysis page: its draft, what is stored, and what a reader is shown. */
export interface AnalysisScopeView {
  draft: ScopeDraft;
  /** The draft as plain text (what the edit form starts from). */
  generated: string;
  stored: StoredAnalysis | null;
  /** 下書き while nothing is stored. */
  state: AnalysisState;
  /** The text shown: the stored one, else the draft. */
  text: string;
  /** The text is the current draft word for word: it can be shown with its links. */
  isDraft: boolean;
  /** The data changed since the stored text was written: a newer draft is offered beside it. */
  newerDraft: boolean;
}

export interface AnalysisPageView {
  fiscalYear: FiscalYear;
  yearStatus: YearStatus;
  canEdit: boolean;
  /** Members: every scope; the public: approved texts only. */
  scopes: AnalysisScopeView[];
}

/**
 * The analysis of a plan's year for a reader: 企画課 edits and approves, members read every
 * scope's text or draft, the public reads approved texts of the years it may read (published).
 */
export async function loadAnalysisPage(
  ctx: AppContext,
  actor: Actor | null,
  view: PlanView,
  fiscalYear: FiscalYear,
): Promise<AnalysisPageView> {
  if (!view.readableYears.includes(fiscalYear)) {
    throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  }
  const code = view.summary.municipalityCode;
  const yearStatus = view.years.find((y) => y.fiscalYear === fiscalYear)?.status ?? 'preparing';
  const stored = await ctx.store.analyses.list(code, view.summary.id, fiscalYear);
  // The public reads approved texts only: with none, there is nothing to draft for them.
  const approved = [...stored.values()].some((s) => s.state === 'approved');
  if (!view.isMember && !approved) return { fiscalYear, yearStatus, canEdit: false, scopes: [] };
  const input = await loadAnalysisInput(ctx, view, fiscalYear);
  const scopes = draftAnalysis(input).map((draft): AnalysisScopeView => {
    const generated = draftText(draft.paragraphs);
    const row = stored.get(draft.key) ?? null;
    const text = row?.text ?? generated;
    return {
      draft,
      generated,
      stored: row,
      state: row?.state ?? 'draft',
      text,
      isDraft: text === generated,
      newerDraft: row !== null && row.basis !== generated,
    };
  });
  return {
    fiscalYear,
    yearStatus,
    canEdit: isAdmin(actor, code),
    scopes: view.isMember ? scopes : scopes.filter((s) => s.state === 'approved'),
  };
}
