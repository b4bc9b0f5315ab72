import { scopeHeading } from '../../core/analysis/draft-analysis.ts';
import type { DraftParagraph, DraftSource } from '../../core/analysis/draft-segments.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { t } from '../../i18n/translate.ts';
import type { AnalysisPageView, AnalysisScopeView } from './analysis-page.ts';

/** Turns a number's source into an address (the web's URL builder); absent in a printout. */
export type SourceLink = (source: DraftSource) => string;

const STATE_TAG = { draft: 'entering', edited: 'submitted', approved: 'accepted' } as const;

/** 下書き / 編集済み / 承認済み as a tag. */
export function AnalysisState(props: { state: AnalysisScopeView['state'] }) {
  return (
    <span class={`tag tag--${STATE_TAG[props.state]}`}>{t(`analysis.state.${props.state}`)}</span>
  );
}

/** A drafted paragraph: each sourced figure a link to where it came from. */
export function DraftParagraphView(props: {
  paragraph: DraftParagraph;
  link?: SourceLink | undefined;
}) {
  const { link } = props;
  return (
    <p>
      {props.paragraph.map((s) =>
        s.source && link ? <a href={link(s.source)}>{s.text}</a> : s.text,
      )}
    </p>
  );
}

/** Stored text as paragraphs (blank lines) and lines. */
export function PlainParagraphs(props: { text: string }) {
  return (
    <>
      {props.text.split(/\n{2,}/).map((paragraph) => (
        <p>
          {paragraph.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

/** What a reader is shown of one scope: the draft with its links while it is the text. */
export function AnalysisText(props: { scope: AnalysisScopeView; link?: SourceLink | undefined }) {
  const { scope } = props;
  if (!scope.isDraft) return <PlainParagraphs text={scope.text} />;
  return (
    <>
      {scope.draft.paragraphs.map((p) => (
        <DraftParagraphView paragraph={p} link={props.link} />
      ))}
    </>
  );
}

/**
 * The analysis as a section of the progress report (web and PDF): each scope's heading and text,
 * with its state where it is not approved (members only see those).
 */
export function ReportAnalysis(props: {
  fiscalYear: string;
  scopes: readonly AnalysisScopeView[];
  link?: SourceLink | undefined;
}) {
  return (
    <section class="report-analysis" aria-labelledby="report-analysis-heading">
      <h2 id="report-analysis-heading">
        {t('analysis.report.heading', { fiscalYear: props.fiscalYear })}
      </h2>
      {props.scopes.length === 0 ? <p class="muted">{t('analysis.report.none')}</p> : null}
      {props.scopes.map((s) => (
        <section aria-labelledby={`report-analysis-${s.draft.key}`}>
          <h3 id={`report-analysis-${s.draft.key}`}>
            {scopeHeading(s.draft)}{' '}
            {s.state === 'approved' ? null : <AnalysisState state={s.state} />}
          </h3>
          <AnalysisText scope={s} link={props.link} />
        </section>
      ))}
    </section>
  );
}

/** The report form's checkbox 「効果検証の文を含める」 (`analysis=1`). */
export function AnalysisOption(props: { checked: boolean }) {
  return (
    <div class="field">
      <label for="analysis" class="checkbox">
        <input type="checkbox" id="analysis" name="analysis" value="1" checked={props.checked} />{' '}
        {t('analysis.report.option')}
      </label>
    </div>
  );
}

/** The report's analysis section, when there is one (a few lines in the report's layout). */
export function MaybeReportAnalysis(props: {
  analysis: AnalysisPageView | null | undefined;
  link?: SourceLink | undefined;
}) {
  const a = props.analysis;
  if (!a) return null;
  return (
    <ReportAnalysis
      fiscalYear={formatFiscalYear(a.fiscalYear, 'both')}
      scopes={a.scopes}
      link={props.link}
    />
  );
}
