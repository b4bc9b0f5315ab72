import type { MetricForm } from '../../app/metrics/confirm-metric.ts';
import type { FieldError } from '../../app/workflow/save-project-year.ts';
import type { Metric } from '../../core/figures/metric.ts';
import type { EntryReading, StoredMetric } from '../../core/stored-metric.ts';
import { t } from '../../i18n/translate.ts';
import { Csrf } from '../render.tsx';
import { type PlanAddress, urls } from '../urls.ts';
import { dateTime } from './format.ts';

/** Where a confirm form posts, when the reader may confirm this entry's figures. */
export interface FigureConfirm {
  address: PlanAddress;
  projectId: number;
  fiscalYear: number;
  version: number;
  csrf: string;
}

/** A refused confirmation: what was typed for which figure, and why. */
export interface FigureFormState {
  form: MetricForm;
  errors: Record<string, FieldError>;
  conflict: boolean;
}

const groupDigits = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 6 });

/** A figure in words: `就職者のうち 室蘭市内企業 2名（概数・累計）`. */
export function metricText(m: Metric): string {
  const flags = [
    m.approximate ? t('metric.approximate') : null,
    m.cumulative ? t('metric.cumulative') : null,
    m.total ? t('metric.total') : null,
    m.target === null ? null : t('metric.target', { target: groupDigits.format(m.target) }),
    m.asOf,
  ].filter((f): f is string => f !== null && f !== '');
  const range = m.upTo === null ? '' : t('metric.up-to', { upTo: groupDigits.format(m.upTo) });
  const whole = m.partOf ? t('metric.part-of', { whole: m.partOf }) : '';
  const label = m.label === '' ? t('metric.no-label') : m.label;
  const value = `${groupDigits.format(m.value)}${range}${m.unit}`;
  return `${whole}${label} ${value}${flags.length > 0 ? `（${flags.join('・')}）` : ''}`;
}

/** A recorded figure change in words: `数値を確定: 41件 → 移住相談 42件`. */
export function describeMetricChange(before: unknown, after: unknown): string {
  const text = (v: unknown) =>
    v && typeof v === 'object' && 'value' in v && typeof v.value === 'number'
      ? metricText(v as Metric)
      : '—';
  return t('history.metric', { before: text(before), after: text(after) });
}

const formKey = (m: StoredMetric) => `figure-${m.entryId}-${m.position}`;

/** The figures read from one result, each confirmable when `confirm` is given. */
export function EntryFigures(props: {
  reading: EntryReading | undefined;
  confirm: FigureConfirm | null;
  refused: (FigureFormState & { entry: number; position: number }) | null;
}) {
  const { reading } = props;
  if (!reading || (reading.metrics.length === 0 && reading.status === null)) return null;
  return (
    <div class="entry-figures">
      {reading.status ? <p class="tag">{t('metric.status', { status: reading.status })}</p> : null}
      {reading.metrics.length > 0 ? (
        <ul aria-label={t('metric.figures')}>
          {reading.metrics.map((m) => {
            const refused =
              props.refused?.entry === m.entryId && props.refused.position === m.position
                ? props.refused
                : null;
            return (
              <li id={formKey(m)}>
                <span class="entry-figures__figure">{metricText(m)}</span>{' '}
                <span class="muted">
                  {m.confirmed
                    ? t('metric.confirmed', { by: m.confirmed.by, at: dateTime(m.confirmed.at) })
                    : t('metric.unconfirmed')}
                </span>
                {props.confirm ? (
                  <ConfirmForm metric={m} confirm={props.confirm} refused={refused} />
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

function ConfirmForm(props: {
  metric: StoredMetric;
  confirm: FigureConfirm;
  refused: FigureFormState | null;
}) {
  const { metric: m, confirm, refused } = props;
  const typed: MetricForm = refused?.form ?? {
    entry: String(m.entryId),
    position: String(m.position),
    version: String(confirm.version),
    label: m.label,
    value: String(m.value),
    unit: m.unit,
    approximate: m.approximate,
    cumulative: m.cumulative,
    total: m.total,
  };
  const id = (name: string) => `${formKey(m)}-${name}`;
  const error = (name: keyof MetricForm) => refused?.errors[name];
  const action = urls.projectPage(confirm.address, confirm.projectId, 'metrics', {
    fy: confirm.fiscalYear,
  });
  return (
    <details class="figure-confirm" open={refused ? true : undefined}>
      <summary>{t('metric.correct')}</summary>
      <form method="post" action={action}>
        <Csrf token={confirm.csrf} />
        {refused?.conflict ? (
          <p class="error-message" role="alert">
            {t('metric.conflict')}
          </p>
        ) : null}
        <input type="hidden" name="entry" value={String(m.entryId)} />
        <input type="hidden" name="position" value={String(m.position)} />
        <input type="hidden" name="version" value={typed.version} />
        {(['label', 'value', 'unit'] as const).map((name) => (
          <div class={`field${error(name) ? ' field--error' : ''}`}>
            <label for={id(name)}>{t(`metric.${name}`)}</label>
            {error(name) ? (
              <p class="error-message" id={id(`${name}-error`)} role="alert">
                <span class="visually-hidden">エラー:</span> {t(error(name)?.key ?? '')}
              </p>
            ) : null}
            <input
              id={id(name)}
              name={name}
              type="text"
              inputmode={name === 'value' ? 'decimal' : undefined}
              value={typed[name]}
              aria-describedby={error(name) ? id(`${name}-error`) : undefined}
              aria-invalid={error(name) ? 'true' : undefined}
            />
          </div>
        ))}
        {(['approximate', 'cumulative', 'total'] as const).map((name) => (
          <div class="field field--checkbox">
            <input
              id={id(name)}
              name={name}
              type="checkbox"
              value="1"
              checked={typed[name] ? true : undefined}
            />
            <label for={id(name)}>{t(`metric.${name}`)}</label>
          </div>
        ))}
        <button type="submit" class="button">
          {t('metric.confirm')}
        </button>
      </form>
    </details>
  );
}
