import { NO_VALUE_MARK } from '../../core/no-value.ts';
import type { Activity, Conventions } from '../../core/plan.ts';
import { t } from '../../i18n/translate.ts';
import type { AnalysisPageView } from '../analysis/analysis-page.ts';
import {
  AnalysisOption,
  MaybeReportAnalysis,
  type SourceLink,
} from '../analysis/analysis-section.tsx';
import type { ReportEvaluation } from '../evaluation/report-evaluation.ts';
import type { PlanView } from '../views/plan-view.ts';
import type { ProgressReport, ReportRow } from '../views/progress-report.ts';
import { amount, fyLabel, fyShort } from './format.ts';
import { ActivityMark, SourceEntry } from './notation.tsx';

/** Where the report page links to (the web's URL builder makes them). */
export interface ReportLinks {
  pdf: (fy: number | 'all') => string;
  xlsx: (query: { fy?: number; layout?: 'cumulative' }) => string;
  downloads: string;
  report: string;
  project: (projectId: number, fy?: number) => string;
}

export interface ReportPageProps {
  view: PlanView;
  report: ProgressReport;
  /** True for the cumulative report of every readable year. */
  all: boolean;
  /** The page's links, built by the web's URL builder; none in a printout (the PDF). */
  links?: ReportLinks;
  /** Members may add the evaluation columns (evaluations are not public). */
  evaluationOption?: boolean;
  /** The evaluation columns (事業効果, 今後の方針) of one year, when asked for. */
  evaluation?: ReportEvaluation | null;
  /** The committee's analysis of the year (効果検証), when asked for (`analysis=1`). */
  analysis?: AnalysisPageView | null;
  analysisLink?: SourceLink;
}

/**
 * The progress report (進捗状況表) in the source's layout, printable on A3 landscape: the
 * `report` class carries the print rules (app.css), the header rows repeat on every page, the
 * year form and the site's navigation are not printed.
 */
export function ReportPage(props: ReportPageProps) {
  const { view, report, all, links } = props;
  const evaluation = props.evaluation ?? null;
  const plan = view.plan;
  const unit = plan.amountUnit;
  const c = plan.conventions;
  const years = report.fiscalYears;
  const width = 3 + years.length * 2 + 1 + (evaluation ? 2 : 0);
  const deepest = Math.max(0, report.levels.length - 2);
  const upper = report.levels.slice(0, deepest);
  const first = years[0];
  const last = years.at(-1);
  const yearsLabel =
    first === undefined || last === undefined
      ? ''
      : first === last
        ? fyLabel(first)
        : `${fyLabel(first)}～${fyLabel(last)}・累計`;
  const legend = [
    t('report.legend.result', { mark: c.resultMark }),
    c.arrow === 'revision'
      ? t('report.legend.revision', { mark: c.revisionMark })
      : t('report.legend.target-actual', { mark: c.revisionMark }),
    t('report.legend.kpi'),
  ];
  // One tbody per top-level node, so its row header can name the group (scope="rowgroup").
  const groups: ReportRow[][] = [];
  for (const row of report.rows) {
    if (row.kind === 'node' && row.depth === 0) groups.push([row]);
    else if (groups.length === 0) groups.push([row]);
    else groups.at(-1)?.push(row);
  }
  return (
    <>
      <h1>{view.summary.title} 進捗状況表</h1>
      {links ? (
        <>
          <p class="actions no-print">
            {/* app.js says in the status line below that the print is under way. */}
            <a
              class="button button--secondary"
              href={links.pdf(all ? 'all' : (first ?? 'all'))}
              data-pdf-status="pdf-status"
              data-pending={t('report.pdf.pending')}
              data-done={t('report.pdf.done')}
            >
              {t('report.pdf.link')}
            </a>
            <a href={links.xlsx(all ? { layout: 'cumulative' } : { fy: first })}>Excel</a>
            <a href={links.downloads}>その他のダウンロード</a>
          </p>
          <p id="pdf-status" class="no-print" role="status" />
          <form method="get" action={links.report} class="filters">
            <div class="field">
              <label for="fy">年度</label>
              <select id="fy" name="fy" data-autosubmit>
                {view.readableYears.map((fy) => (
                  <option value={String(fy)} selected={!all && fy === first}>
                    {fyLabel(fy)}
                  </option>
                ))}
                <option value="all" selected={all}>
                  全年度（累計）
                </option>
              </select>
            </div>
            {props.evaluationOption ? (
              <div class="field">
                <label for="evaluation" class="checkbox">
                  <input
                    type="checkbox"
                    id="evaluation"
                    name="evaluation"
                    value="1"
                    checked={evaluation !== null}
                  />{' '}
                  {t('report.evaluation.option')}
                </label>
              </div>
            ) : null}
            {all ? null : <AnalysisOption checked={Boolean(props.analysis)} />}
            <button type="submit" class="button button--secondary">
              表示
            </button>
          </form>
        </>
      ) : null}
      <p class="no-print muted">{t('report.print-hint')}</p>
      <p class="report-note">
        {t(`report.note.${c.arrow}`, {
          checkbox: '☐',
          result: c.resultMark,
          revision: c.revisionMark,
        })}
      </p>
      {evaluation ? (
        <p class="report-note report-note--evaluation">
          {t('report.evaluation.note', {
            fiscalYear: fyLabel(evaluation.fiscalYear),
            scale: t('scale.in-use', { name: evaluation.scaleName, bands: evaluation.scaleText }),
          })}
        </p>
      ) : null}
      <section class="table-scroll" aria-labelledby="report-caption" tabindex={0}>
        <table class="report">
          <caption id="report-caption">
            {plan.municipality.name} {view.summary.title} 進捗状況表 {yearsLabel}・単位：{unit}
          </caption>
          <colgroup span={3} />
          {years.map(() => (
            <colgroup span={2} />
          ))}
          <colgroup />
          {evaluation ? <colgroup span={2} /> : null}
          <thead>
            {upper.map((name) => (
              <tr class="report__level-name">
                <td colspan={width}>{name}</td>
              </tr>
            ))}
            <tr>
              <th scope="col" rowspan={2}>
                {report.levels[deepest] ?? ''}
              </th>
              <th scope="col" rowspan={2}>
                No.
              </th>
              <th scope="col" rowspan={2}>
                {report.levels.at(-1) ?? '事業'}名
              </th>
              {years.map((fy) => (
                <th scope="colgroup" colspan={2} class="report__year">
                  {fyShort(fy)}
                </th>
              ))}
              <th scope="col" rowspan={2} class="report__activity-heading">
                {report.activityHeading}
                <span class="report__legend">{legend.join(' ')}</span>
              </th>
              {evaluation ? (
                <>
                  <th scope="col" rowspan={2} class="report__evaluation">
                    事業効果<span class="report__legend">（{fyShort(evaluation.fiscalYear)}）</span>
                  </th>
                  <th scope="col" rowspan={2} class="report__evaluation">
                    今後の方針
                    <span class="report__legend">（{fyShort(evaluation.fiscalYear)}）</span>
                  </th>
                </>
              ) : null}
            </tr>
            <tr>
              {years.map((fy) => (
                <>
                  <th scope="col" class="num">
                    予算<span class="visually-hidden">（{fyShort(fy)}）</span>
                  </th>
                  <th scope="col" class="num">
                    決算<span class="visually-hidden">（{fyShort(fy)}）</span>
                  </th>
                </>
              ))}
            </tr>
          </thead>
          {groups.map((rows) => (
            <tbody>
              {rows.map((row) =>
                row.kind === 'node' ? (
                  <tr class={`report__node level-${row.depth}`}>
                    <th colspan={width} scope={row.depth === 0 ? 'rowgroup' : undefined}>
                      <span class="visually-hidden">{row.level}: </span>
                      {row.title}
                    </th>
                  </tr>
                ) : (
                  <tr>
                    {row.measure ? (
                      <th scope="row" rowspan={row.measure.rowspan} class="report__measure">
                        <span class="visually-hidden">{row.measure.level}: </span>
                        {row.measure.title}
                      </th>
                    ) : row.spanned ? null : (
                      <td />
                    )}
                    <td class="report__no">{row.project.no}</td>
                    <th scope="row" class="report__name">
                      {row.ref && links ? (
                        <a href={links.project(row.ref.id, all ? undefined : first)}>
                          {row.project.name}
                        </a>
                      ) : (
                        row.project.name
                      )}
                      {row.project.notes.map((note) => (
                        <span class="report__note">※{note}</span>
                      ))}
                    </th>
                    {row.amounts.map((a) => (
                      <>
                        <td class="num">{amount(a.budget, unit)}</td>
                        <td class="num">{amount(a.settlement, unit)}</td>
                      </>
                    ))}
                    <td class="report__activities">
                      <ActivityCell activities={row.activities} conventions={c} />
                    </td>
                    {evaluation ? (
                      <>
                        <td class="report__evaluation">
                          {(row.ref && evaluation.byProject.get(row.ref.id)?.effect) ||
                            NO_VALUE_MARK}
                        </td>
                        <td class="report__evaluation">
                          {(row.ref && evaluation.byProject.get(row.ref.id)?.policy) ||
                            NO_VALUE_MARK}
                        </td>
                      </>
                    ) : null}
                  </tr>
                ),
              )}
            </tbody>
          ))}
          <tbody>
            <tr class="total">
              <th scope="row" colspan={3}>
                {t('word.total')}
              </th>
              {report.totals.map((a) => (
                <>
                  <td class="num">{amount(a.budget, unit)}</td>
                  <td class="num">{amount(a.settlement, unit)}</td>
                </>
              ))}
              <td />
              {evaluation ? (
                <>
                  <td />
                  <td />
                </>
              ) : null}
            </tr>
          </tbody>
        </table>
      </section>
      <MaybeReportAnalysis analysis={props.analysis} link={props.analysisLink} />
    </>
  );
}

/** The activity cell as the source writes it: ☐ words ▶R2…result ⇒revision, one item a line. */
function ActivityCell(props: { activities: Activity[]; conventions: Conventions }) {
  return (
    <>
      {props.activities.map((a) => (
        <div class="report__activity">
          {/* Results read from a text column have no activity words: no empty ☐. */}
          {a.text === '' ? null : (
            <>
              <ActivityMark /> {a.text}
            </>
          )}
          {a.entries.map((e) => (
            <>
              {' '}
              <SourceEntry entry={e} conventions={props.conventions} />
            </>
          ))}
        </div>
      ))}
    </>
  );
}
