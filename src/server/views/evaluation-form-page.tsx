import { COMMENT_ROLES, type EvaluationErrors } from '../../app/evaluation/evaluations.ts';
import type { ProjectEvaluation } from '../../app/evaluation/project-evaluation.ts';
import { describeScale } from '../../app/evaluation/settings-form.ts';
import type { PlanView } from '../../app/views/plan-view.ts';
import type { FieldError } from '../../app/workflow/save-project-year.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import type { CommentRole } from '../../core/permissions.ts';
import { t } from '../../i18n/translate.ts';
import { Csrf } from '../render.tsx';
import { type PlanAddress, urls } from '../urls.ts';
import { amount, dateTime, fyLabel, rate, yearStatusLabel } from './format.ts';
import { ActivityMark, EntryMark, EntryText } from './notation.tsx';
import { ScrollBox } from './scroll-box.tsx';

export interface EvaluationFormPageProps {
  view: PlanView;
  address: PlanAddress;
  csrf: string;
  data: ProjectEvaluation;
  /** What the form shows: the stored values, or what was typed (after an error). */
  typed: { effect: string; policy: string; comment: string };
  errors: EvaluationErrors;
  saved: 'evaluation' | 'evaluation-comment' | 'comment' | null;
}

const errorText = (e: FieldError | undefined) => (e ? t(e.key, e.params) : null);

const KPI_NUMBER = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });
const kpiValue = (v: number | null, unit: string) =>
  v === null ? NO_VALUE_MARK : `${KPI_NUMBER.format(v)}${unit}`;

/**
 * One project's evaluation for a fiscal year: the year's figures and results, its KPIs with
 * achievement and band, 事業効果 and 今後の方針 (a form for the committee and the planning
 * division, read-only for others), and the comments of each role with a box for one's own.
 */
export function EvaluationFormPage(p: EvaluationFormPageProps) {
  const d = p.data;
  const { project, ref } = d.project;
  const unit = p.view.plan.amountUnit;
  const conventions = p.view.plan.conventions;
  const fy = fyLabel(d.fiscalYear);
  const self = urls.projectPage(p.address, ref.id, 'evaluation', { fy: d.fiscalYear });
  const figures = d.project.figures.find((f) => f.fiscalYear === d.fiscalYear);
  const scale = d.settings.scale;
  const closed = d.yearStatus === 'locked' || d.yearStatus === 'published';
  const errorEntries = Object.entries(p.errors).filter(([, e]) => e !== undefined);
  const stored = d.evaluation;
  const offScale = (field: string, value: string | null, options: readonly string[]) =>
    value && !options.includes(value) ? (
      <p class="notice notice--warning">{t('evaluation.not-on-scale', { field, value })}</p>
    ) : null;
  return (
    <>
      <p>
        <a href={urls.planPage(p.address, 'evaluations', { fy: d.fiscalYear })}>
          ← {fy} の評価の一覧へ
        </a>
      </p>
      <h1>
        {project.no}. {project.name}：{fy} の評価
      </h1>
      <p class="lead">
        担当課: {project.department ?? NO_VALUE_MARK}・年度:{' '}
        <span class={`tag tag--${d.yearStatus}`}>{yearStatusLabel(d.yearStatus)}</span>・
        <a href={urls.project(p.address, ref.id, { fy: d.fiscalYear })}>事業のページ</a>
      </p>
      {p.saved ? (
        <div class="notice" role="status">
          {t(
            p.saved === 'evaluation'
              ? 'evaluation.saved'
              : p.saved === 'evaluation-comment'
                ? 'evaluation.saved-with-comment'
                : 'evaluation.comment-saved',
          )}
        </div>
      ) : null}
      {d.yearStatus === 'published' ? (
        <p class="notice">{t('evaluation.published-year', { fiscalYear: fy })}</p>
      ) : closed ? (
        <p class="notice">
          {t('evaluation.closed-year', { fiscalYear: fy, status: yearStatusLabel(d.yearStatus) })}
        </p>
      ) : null}
      {errorEntries.length > 0 ? (
        <div class="error-summary" role="alert">
          <h2>保存できませんでした</h2>
          <ul>
            {errorEntries.map(([name, e]) => (
              <li>
                <a href={`#${name === 'text' ? 'comment' : `${name}-0`}`}>
                  {{ effect: '事業効果', policy: '今後の方針', text: 'コメント' }[name] ?? name}:{' '}
                  {errorText(e)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>{fy} の予算・決算</h2>
      <dl class="summary-list">
        <dt>予算</dt>
        <dd>
          {amount(figures?.budget ?? null, unit)}（{unit}）
        </dd>
        <dt>決算</dt>
        <dd>
          {amount(figures?.settlement ?? null, unit)}（{unit}）
        </dd>
        <dt>執行率</dt>
        <dd>{rate(figures?.rate ?? null)}</dd>
      </dl>

      <h2>取組と {fy} の結果</h2>
      <ul class="activity-list">
        {d.project.activities.map((a) => {
          const entries = a.groups.find((g) => g.fiscalYear === d.fiscalYear)?.entries ?? [];
          return (
            <li class="activity-item">
              {a.activity.text === '' ? null : (
                <>
                  <ActivityMark /> {a.activity.text}
                </>
              )}
              {entries.length === 0 ? (
                <p class="muted">{fy} の記載はありません。</p>
              ) : (
                <ul class="entries">
                  {entries.map((e) => (
                    <li>
                      <EntryMark entry={e} conventions={conventions} />
                      <EntryText entry={e} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>

      <h2>KPI の達成状況</h2>
      {d.hint.kpis.length === 0 ? (
        <p>この事業の KPI はまだ登録されていません。</p>
      ) : (
        <ScrollBox label={t('layout.box.evaluation-kpis', { fiscalYear: fy })}>
          <table>
            <caption>
              {fy} の KPI（達成率は {fy} の目標に対して。区分: {scale.name}）
            </caption>
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col" class="num">
                  目標
                </th>
                <th scope="col" class="num">
                  実績
                </th>
                <th scope="col" class="num">
                  達成率
                </th>
                <th scope="col">区分</th>
              </tr>
            </thead>
            <tbody>
              {d.hint.kpis.map((k) => (
                <tr>
                  <th scope="row">{k.definition.name}</th>
                  <td class="num">{kpiValue(k.achievement.target, k.definition.unit)}</td>
                  <td class="num">{kpiValue(k.achievement.actual, k.definition.unit)}</td>
                  <td class="num">{rate(k.achievement.rate)}</td>
                  <td>{k.band?.label ?? NO_VALUE_MARK}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <p class="hint-box">
        {d.hint.band
          ? t('evaluation.hint', { band: d.hint.band.label, rate: rate(d.hint.rate) })
          : t('evaluation.hint.none')}
      </p>

      <h2 id="evaluation">評価</h2>
      <p class="scale-in-use">
        {t('scale.in-use', { name: scale.name, bands: describeScale(scale) })}
      </p>
      {offScale(
        '事業効果',
        stored.effect,
        scale.bands.map((b) => b.label),
      )}
      {offScale('今後の方針', stored.policy, d.settings.policies)}
      {d.canEvaluate ? (
        // One form for the evaluation and the comment box: 評価を保存 also saves a comment
        // typed below, so pressing it never throws the comment away (issue 8).
        <form method="post" action={self} novalidate>
          <Csrf token={p.csrf} />
          <EvaluationFields p={p} />
          <button type="submit" name="intent" value="evaluate" class="button">
            評価を保存
          </button>
          <Comments stored={stored} />
          {d.commentRole ? (
            <>
              <CommentBox p={p} role={d.commentRole} />
              <p class="hint">{t('evaluation.saves-comment-too')}</p>
              <button type="submit" name="intent" value="comment" class="button button--secondary">
                コメントを追加
              </button>
            </>
          ) : null}
        </form>
      ) : (
        <>
          <dl class="summary-list">
            <dt>事業効果</dt>
            <dd>{stored.effect ?? t('evaluation.unset')}</dd>
            <dt>今後の方針</dt>
            <dd>{stored.policy ?? t('evaluation.unset')}</dd>
          </dl>
          <p class="muted">{t('evaluation.read-only')}</p>
          <Comments stored={stored} />
          {d.commentRole ? (
            <form method="post" action={self} novalidate>
              <Csrf token={p.csrf} />
              <input type="hidden" name="intent" value="comment" />
              <CommentBox p={p} role={d.commentRole} />
              <button type="submit" class="button button--secondary">
                コメントを追加
              </button>
            </form>
          ) : (
            <p class="muted">{t('evaluation.no-comment-role')}</p>
          )}
        </>
      )}
    </>
  );
}

/** 事業効果 and 今後の方針 as radio buttons, what was typed checked. */
function EvaluationFields(props: { p: EvaluationFormPageProps }) {
  const { p } = props;
  const d = p.data;
  return (
    <>
      <RadioGroup
        name="effect"
        legend="事業効果"
        options={d.settings.scale.bands.map((b) => b.label)}
        value={p.typed.effect}
        hint={d.hint.band ? `KPI からの目安: ${d.hint.band.label}（${rate(d.hint.rate)}）` : null}
        error={errorText(p.errors.effect)}
      />
      <RadioGroup
        name="policy"
        legend="今後の方針"
        options={d.settings.policies}
        value={p.typed.policy}
        hint={null}
        error={errorText(p.errors.policy)}
      />
    </>
  );
}

/** The comments of each role, oldest first. */
function Comments(props: { stored: ProjectEvaluation['evaluation'] }) {
  return (
    <>
      <h2 id="comments">コメント</h2>
      {COMMENT_ROLES.map((role) => {
        const comments = props.stored.comments.filter((c) => c.role === role);
        return (
          <section aria-labelledby={`comments-${role}`} class="comment-group">
            <h3 id={`comments-${role}`}>{t(`evaluation.role-heading.${role}`)}</h3>
            {comments.length === 0 ? (
              <p class="muted">{t('evaluation.no-comments')}</p>
            ) : (
              <ul class="comment-list">
                {comments.map((c) => (
                  <li class="comment">
                    <p class="comment__meta">
                      {c.userName ?? '（削除された利用者）'}・
                      <time datetime={c.at}>{dateTime(c.at)}</time>
                    </p>
                    <p class="comment__text">{c.text}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

/** The box for one's own comment; what was typed stays in it. */
function CommentBox(props: { p: EvaluationFormPageProps; role: CommentRole }) {
  const { p } = props;
  return (
    <div class={`field${p.errors.text ? ' field--error' : ''}`}>
      <label for="comment">{t('evaluation.comment-as', { role: t(`role.${props.role}`) })}</label>
      {p.errors.text ? (
        <p class="error-message" id="comment-error">
          <span class="visually-hidden">エラー:</span> {errorText(p.errors.text)}
        </p>
      ) : null}
      <textarea
        id="comment"
        name="comment"
        rows={4}
        aria-describedby={p.errors.text ? 'comment-error' : undefined}
        aria-invalid={p.errors.text ? 'true' : undefined}
      >
        {p.typed.comment}
      </textarea>
    </div>
  );
}

/** Radio buttons of a list, with 未評価 (blank) last; what was typed stays checked. */
function RadioGroup(props: {
  name: string;
  legend: string;
  options: readonly string[];
  value: string;
  hint: string | null;
  error: string | null;
}) {
  const { name } = props;
  const described = [props.hint ? `${name}-hint` : '', props.error ? `${name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      class={`field radio-group${props.error ? ' field--error' : ''}`}
      aria-describedby={described || undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint ? (
        <span class="hint" id={`${name}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <p class="error-message" id={`${name}-error`}>
          <span class="visually-hidden">エラー:</span> {props.error}
        </p>
      ) : null}
      {[...props.options, ''].map((option, i) => (
        <label class="radio" for={`${name}-${i}`}>
          <input
            type="radio"
            id={`${name}-${i}`}
            name={name}
            value={option}
            checked={option === props.value}
          />{' '}
          {option || t('evaluation.unset')}
        </label>
      ))}
    </fieldset>
  );
}
