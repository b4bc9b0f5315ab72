import type {
  AnalysisPageView,
  AnalysisScopeView,
  StoredAnalysis,
} from '../../app/analysis/analysis-page.ts';
import {
  AnalysisState,
  AnalysisText,
  DraftParagraphView,
  PlainParagraphs,
  type SourceLink,
} from '../../app/analysis/analysis-section.tsx';
import type { FieldError } from '../../app/workflow/save-project-year.ts';
import { scopeHeading } from '../../core/analysis/draft-analysis.ts';
import { t } from '../../i18n/translate.ts';
import { Csrf } from '../render.tsx';
import { type PlanAddress, urls } from '../urls.ts';
import { dateTime, fyLabel } from './format.ts';
import { YearFilter } from './year-filter.tsx';

/** What the edit form shows after a refusal: what was typed, why, and the text now stored. */
export interface AnalysisFormState {
  scope: string;
  text: string;
  error?: FieldError | undefined;
  conflict?: { current: StoredAnalysis | null } | undefined;
}

export interface AnalysisPageProps {
  address: PlanAddress;
  title: string;
  years: readonly number[];
  page: AnalysisPageView;
  csrf: string;
  link: SourceLink;
  /** The scope being edited (`?scope=`), administrators only. */
  editing: string | null;
  form: AnalysisFormState | null;
  saved: 'save' | 'approve' | 'adopt' | null;
}

const anchor = (key: string) => `analysis-${key}`;

/**
 * The analysis of a plan's year: each scope's heading, state and text; for 企画課 a link to edit
 * it, and on the scope being edited the form (the text, the current draft beside it with its
 * links, 保存 and 承認, and the newer draft to adopt when the data changed).
 */
export function AnalysisPage(p: AnalysisPageProps) {
  const fy = p.page.fiscalYear;
  const counts = { draft: 0, edited: 0, approved: 0 };
  for (const s of p.page.scopes) counts[s.state]++;
  return (
    <>
      <h1>{t('analysis.title', { fiscalYear: fyLabel(fy) })}</h1>
      <p class="lead">{p.title}</p>
      <YearFilter action={urls.planPage(p.address, 'analysis')} years={p.years} selected={fy} />
      <p class="actions">
        <a href={urls.planPage(p.address, 'report', { fy, analysis: 1 })}>
          {t('analysis.in-report')}
        </a>
        <a href={urls.planPage(p.address, 'report.pdf', { fy, analysis: 1 })}>PDF</a>
        <a href={urls.planPage(p.address, 'export.xlsx', { fy, analysis: 1 })}>Excel</a>
      </p>
      {p.saved ? (
        <div class="notice" role="status">
          {t(`analysis.saved.${p.saved}`)}
        </div>
      ) : null}
      {p.page.canEdit ? (
        <>
          <p>{t('analysis.lead')}</p>
          <p>{t('analysis.counts', counts)}</p>
        </>
      ) : (
        <p>{t('analysis.lead.public')}</p>
      )}
      {p.page.scopes.length === 0 ? (
        <p class="empty-state">{t('analysis.none-approved', { fiscalYear: fyLabel(fy) })}</p>
      ) : null}
      {p.page.scopes.map((s) => (
        <ScopeSection p={p} scope={s} />
      ))}
    </>
  );
}

function ScopeSection(props: { p: AnalysisPageProps; scope: AnalysisScopeView }) {
  const { p, scope } = props;
  const key = scope.draft.key;
  const editing = p.page.canEdit && p.editing === key;
  const stored = scope.stored;
  return (
    <section id={anchor(key)} aria-labelledby={`${anchor(key)}-heading`}>
      <h2 id={`${anchor(key)}-heading`}>{scopeHeading(scope.draft)}</h2>
      <p>
        <AnalysisState state={scope.state} />
        {stored?.approvedAt ? (
          <span class="muted">
            {' '}
            {t('analysis.approved-by', {
              name: stored.approvedBy ?? '—',
              at: dateTime(stored.approvedAt),
            })}
          </span>
        ) : stored ? (
          <span class="muted">
            {' '}
            {t('analysis.updated-by', {
              name: stored.updatedBy ?? '—',
              at: dateTime(stored.updatedAt),
            })}
          </span>
        ) : null}
        {p.page.canEdit && !editing ? (
          <>
            {' '}
            <a
              href={`${urls.planPage(p.address, 'analysis', { fy: p.page.fiscalYear, scope: key })}#${anchor(key)}`}
            >
              {t('analysis.edit')}
            </a>
          </>
        ) : null}
      </p>
      {editing ? <EditForm p={p} scope={scope} /> : <AnalysisText scope={scope} link={p.link} />}
    </section>
  );
}

function EditForm(props: { p: AnalysisPageProps; scope: AnalysisScopeView }) {
  const { p, scope } = props;
  const key = scope.draft.key;
  const form = p.form?.scope === key ? p.form : null;
  const error = form?.error;
  const conflict = form?.conflict;
  const current = conflict ? (conflict.current ?? null) : scope.stored;
  const action = urls.planPage(p.address, 'analysis', { fy: p.page.fiscalYear, scope: key });
  const hidden = (
    <>
      <Csrf token={p.csrf} />
      <input type="hidden" name="scope" value={key} />
      <input type="hidden" name="version" value={String(current?.version ?? 0)} />
    </>
  );
  return (
    <>
      {conflict ? (
        <div class="error-summary" role="alert">
          <h3>保存できませんでした</h3>
          <p>
            {t('analysis.conflict', {
              name: conflict.current?.updatedBy ?? '—',
              at: conflict.current ? dateTime(conflict.current.updatedAt) : '—',
            })}
          </p>
          <h4>{t('analysis.conflict.current')}</h4>
          <PlainParagraphs text={conflict.current?.text ?? ''} />
        </div>
      ) : null}
      {scope.newerDraft ? (
        <div class="notice notice--warning">
          <p>{t('analysis.newer-draft')}</p>
          <form method="post" action={action} class="inline-form">
            {hidden}
            <input type="hidden" name="text" value="" />
            <button type="submit" name="action" value="adopt" class="button button--secondary">
              {t('analysis.adopt')}
            </button>
          </form>
        </div>
      ) : null}
      <div class="hint-box">
        <h3>{t('analysis.generated')}</h3>
        {scope.draft.paragraphs.map((paragraph) => (
          <DraftParagraphView paragraph={paragraph} link={p.link} />
        ))}
      </div>
      <form method="post" action={action}>
        {hidden}
        <div class={`field${error ? ' field--error' : ''}`}>
          <label for={`text-${key}`}>{t('analysis.text-label')}</label>
          {error ? (
            <p class="error-message" id={`text-${key}-error`}>
              <span class="visually-hidden">エラー:</span> {t(error.key, error.params)}
            </p>
          ) : null}
          <textarea
            id={`text-${key}`}
            name="text"
            rows={14}
            aria-describedby={error ? `text-${key}-error` : undefined}
            aria-invalid={error ? 'true' : undefined}
          >
            {form ? form.text : scope.text}
          </textarea>
        </div>
        <p class="actions">
          <button type="submit" name="action" value="save" class="button button--secondary">
            {t('analysis.save')}
          </button>
          <button type="submit" name="action" value="approve" class="button">
            {t('analysis.approve')}
          </button>
        </p>
      </form>
    </>
  );
}
