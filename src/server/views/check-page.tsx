import type { CheckView } from '../../app/views/check-view.ts';
import { countBySeverity, type Finding, type Severity } from '../../core/finding.ts';
import { nextYearStatus } from '../../core/workflow.ts';
import { findingMessage } from '../../i18n/format-finding.ts';
import { t } from '../../i18n/translate.ts';
import { Csrf } from '../render.tsx';
import { type PlanAddress, urls } from '../urls.ts';
import { dateTime, fyLabel, yearStatusLabel } from './format.ts';
import { YearFilter } from './year-filter.tsx';

export interface CheckPageProps {
  data: CheckView;
  address: PlanAddress;
  csrf: string;
  /** The refusal of a publish attempt, shown above the form. */
  error?: string | null;
  /** What the administrator typed as the reason, kept after a refusal. */
  override?: string;
  /** Just published (after the redirect). */
  done?: boolean;
}

const GROUPS: Severity[] = ['error', 'warning', 'info'];

/** Where a finding points: the project (by its number), the KPI list, or the plan's table. */
function FindingTarget(props: { finding: Finding; data: CheckView; address: PlanAddress }) {
  const { finding, data, address } = props;
  const fy = finding.location?.fiscalYear ?? data.fiscalYear;
  const no = finding.location?.projectNo;
  if (no !== undefined) {
    const projects = data.projectsByNo.get(no) ?? [];
    if (projects.length === 0) return <>{t('word.project', { no })}</>;
    return (
      <>
        {projects.map((p, i) => (
          <>
            {i > 0 ? '、' : ''}
            <a href={urls.project(address, p.id, { fy })}>
              {t('check.link.project', { no, name: p.name })}
            </a>
          </>
        ))}
      </>
    );
  }
  if (finding.code.startsWith('kpi.')) {
    const kpiId = finding.params?.kpiId;
    const hash = typeof kpiId === 'number' ? `#kpi-${kpiId}` : '';
    return <a href={`${urls.planPage(address, 'kpis', { fy })}${hash}`}>{t('check.link.kpis')}</a>;
  }
  return <a href={urls.plan(address, { fy })}>{t('check.link.plan')}</a>;
}

/**
 * Everything to fix before a year is published, grouped by severity, each with a link to its
 * item; for administrators, the year's publish action right there (a reason is required while
 * errors remain, and recorded).
 */
export function CheckPage(props: CheckPageProps) {
  const { data, address } = props;
  const unit = data.view.plan.amountUnit;
  const counts = countBySeverity(data.findings);
  const fy = data.fiscalYear;
  const canPublish = nextYearStatus(data.status, 'publish') !== null;
  return (
    <>
      <h1>{t('check.title')}</h1>
      {props.error ? (
        <div class="error-summary" role="alert" aria-labelledby="publish-error">
          <h2 id="publish-error">{t('check.publish.refused')}</h2>
          <p>
            <a href="#publish-heading">{props.error}</a>
          </p>
        </div>
      ) : null}
      <p class="lead">
        {t('check.lead', { fiscalYear: fyLabel(fy), status: yearStatusLabel(data.status) })}
      </p>
      <YearFilter
        action={urls.planPage(address, 'check')}
        years={data.view.years.map((y) => y.fiscalYear)}
        selected={fy}
        optionLabel={(year) =>
          `${fyLabel(year)}・${yearStatusLabel(data.view.years.find((y) => y.fiscalYear === year)?.status ?? 'preparing')}`
        }
      />
      {props.done ? (
        <p class="notice" role="status">
          {t('check.publish.done', { fiscalYear: fyLabel(fy) })}
        </p>
      ) : null}
      <p class="check-counts" id="check-counts">
        {t('check.counts', { error: counts.error, warning: counts.warning })}
      </p>
      {GROUPS.filter((s) => s !== 'info' || counts.info > 0).map((severity) => {
        const list = data.findings.filter((f) => f.severity === severity);
        return (
          <section
            class={`findings findings--${severity}`}
            aria-labelledby={`findings-${severity}`}
          >
            <h2 id={`findings-${severity}`}>
              {t(`check.group.${severity}`, { count: list.length })}
            </h2>
            {list.length === 0 ? (
              <p>{t('check.none')}</p>
            ) : (
              <ul class="finding-list">
                {list.map((f) => (
                  <li
                    class={`finding finding--${severity}`}
                    data-code={f.code}
                    data-project={f.location?.projectNo}
                  >
                    <span class="finding__target">
                      <FindingTarget finding={f} data={data} address={address} />
                    </span>
                    <span class="finding__message">
                      <span class="visually-hidden">{t(`word.${severity}`)}: </span>
                      {findingMessage(f, unit)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <section aria-labelledby="publish-heading" class="publish-panel">
        <h2 id="publish-heading">{t('check.publish.heading')}</h2>
        {data.published ? (
          <div class="notice">
            <p>
              {t('check.publish.published')}
              {data.published.at ? `（${dateTime(data.published.at)}）` : ''}
            </p>
            {data.published.override ? (
              <p>{t('check.publish.override', { reason: data.published.override })}</p>
            ) : null}
          </div>
        ) : canPublish && data.isAdmin ? (
          <PublishForm {...props} errors={counts.error} />
        ) : (
          <p>
            {t('check.publish.not-locked', { status: yearStatusLabel(data.status) })}{' '}
            <a href={urls.planPage(address, 'years', { fy })}>{t('check.years-link')}</a>
          </p>
        )}
      </section>
    </>
  );
}

function PublishForm(props: CheckPageProps & { errors: number }) {
  const fy = props.data.fiscalYear;
  return (
    <form method="post" action={urls.planPage(props.address, 'check/publish')}>
      <Csrf token={props.csrf} />
      <input type="hidden" name="fy" value={String(fy)} />
      {props.errors > 0 ? (
        <div class={`field${props.error ? ' field--error' : ''}`}>
          <label for="override">{t('check.publish.reason', { count: props.errors })}</label>
          <span class="hint" id="override-hint">
            {t('check.publish.reason-hint')}
          </span>
          {props.error ? (
            <p class="error-message" id="override-error">
              {props.error}
            </p>
          ) : null}
          <textarea
            id="override"
            name="override"
            required
            aria-describedby={props.error ? 'override-hint override-error' : 'override-hint'}
            aria-invalid={props.error ? 'true' : undefined}
          >
            {props.override ?? ''}
          </textarea>
        </div>
      ) : null}
      <button type="submit" class="button">
        {t('action.year.publish')}
      </button>
    </form>
  );
}
