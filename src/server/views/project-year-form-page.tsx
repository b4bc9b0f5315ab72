import type { FieldError, ProjectYearSnapshot } from '../../app/workflow/save-project-year.ts';
import { renderEntry } from '../../core/activity-notation.ts';
import type { AmountUnit } from '../../core/money.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import type { Activity, Conventions } from '../../core/plan.ts';
import type { ProjectStatus } from '../../core/workflow.ts';
import { t } from '../../i18n/translate.ts';
import type { ParsedProjectYearForm } from '../forms/project-year-form.ts';
import { Csrf } from '../render.tsx';
import { amount, dateTime, fyLabel, projectStatusLabel } from './format.ts';
import { WorkflowNotice } from './workflow-notice.tsx';

export interface ProjectYearFormPageProps {
  action: string;
  projectUrl: string;
  /** Reasons typed for 入力完了 without figures or results, kept when refused. */
  reasons: { figures: string; result: string };
  /** The workflow action just done (a notice after the redirect). */
  notice: string | null;
  csrf: string;
  project: { no: string; name: string; department: string | null };
  fiscalYear: number;
  unit: AmountUnit;
  conventions: Conventions;
  /** The activities as stored (their texts and other years' entries are shown, not edited). */
  activities: Activity[];
  /** What the form shows: stored values, or what the person typed. */
  state: ParsedProjectYearForm;
  status: ProjectStatus;
  returnComment: string | null;
  errors: Record<string, FieldError>;
  conflict: {
    current: ProjectYearSnapshot;
    lastChange: { userName: string | null; at: string } | null;
  } | null;
  saved: boolean;
  canSubmit: boolean;
}

function errorText(e: FieldError | undefined): string | null {
  return e ? t(e.key, e.params) : null;
}

const ERROR_FIELDS: Record<string, string> = {
  budget: '予算',
  settlement: '決算',
  submit: '入力完了',
};

/**
 * The entry form of one project for one fiscal year: amounts in 千円 with Japanese input habits,
 * this year's results and revisions per activity, a new activity. Errors stand next to their
 * field and in a summary at the top; what was typed is shown again as typed.
 */
export function ProjectYearFormPage(p: ProjectYearFormPageProps) {
  const errorEntries = Object.entries(p.errors);
  const amountField = (name: 'budget' | 'settlement', label: string) => {
    const error = errorText(p.errors[name]);
    return (
      <div class={`field${error ? ' field--error' : ''}`}>
        <label for={name}>
          {label}（{p.unit}）
        </label>
        <span class="hint" id={`${name}-hint`}>
          例: 2,810。全角数字・カンマも使えます。なしは空欄または -。
        </span>
        {error ? (
          <p class="error-message" id={`${name}-error`}>
            <span class="visually-hidden">エラー:</span> {error}
          </p>
        ) : null}
        <input
          class="amount"
          id={name}
          name={name}
          type="text"
          inputmode="decimal"
          autocomplete="off"
          value={p.state[name]}
          aria-describedby={`${name}-hint${error ? ` ${name}-error` : ''}`}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
    );
  };
  return (
    <>
      <p>
        <a href={p.projectUrl}>← 事業のページへ戻る</a>
      </p>
      <h1>
        {p.project.no}. {p.project.name}：{fyLabel(p.fiscalYear)} の入力
      </h1>
      <p class="lead">
        担当課: {p.project.department ?? NO_VALUE_MARK}・入力状況:{' '}
        <span class={`tag tag--${p.status}`}>{projectStatusLabel(p.status)}</span>
      </p>
      {p.saved ? (
        <div class="notice" role="status">
          保存しました。
        </div>
      ) : null}
      {p.notice ? <WorkflowNotice action={p.notice} /> : null}
      {p.status === 'returned' && p.returnComment ? (
        <div class="notice notice--warning">
          <strong>差戻しのコメント:</strong> {p.returnComment}
        </div>
      ) : null}
      {p.conflict ? (
        <div class="error-summary" role="alert">
          <h2>ほかの人が先に保存しました</h2>
          <p>
            {p.conflict.lastChange
              ? `${p.conflict.lastChange.userName ?? '（不明）'} さんが ${dateTime(p.conflict.lastChange.at)} に保存した内容:`
              : '保存されている内容:'}
          </p>
          <ul>
            <li>
              予算 {amount(p.conflict.current.budget, p.unit)}・決算{' '}
              {amount(p.conflict.current.settlement, p.unit)}（{p.unit}）
            </li>
            {p.conflict.current.activities.flatMap((a) =>
              a.entries
                .filter((e) => e.fiscalYear === p.fiscalYear)
                .map((e) => (
                  <li>
                    {a.title}: {renderEntry(e, p.conventions)}
                  </li>
                )),
            )}
          </ul>
          <p>
            あなたの入力は下に残しています。確かめてから、もう一度「保存」を押すと上書きします。
          </p>
        </div>
      ) : null}
      {errorEntries.length > 0 ? (
        <div class="error-summary" role="alert">
          <h2>入力に問題があります</h2>
          <ul>
            {errorEntries.map(([name, e]) => (
              <li>
                <a
                  href={`#${name === 'submit' ? 'reason_figures' : name.replace(/^activities\.(\d+)\.entries\.(\d+)\.text$/, 'a$1_e$2_text')}`}
                >
                  {ERROR_FIELDS[name] ?? name}: {errorText(e)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={p.action} novalidate>
        <Csrf token={p.csrf} />
        <input type="hidden" name="version" value={String(p.state.version)} />
        <input type="hidden" name="a_count" value={String(p.activities.length)} />
        <h2>予算・決算</h2>
        {amountField('budget', '予算')}
        {amountField('settlement', '決算')}
        <h2>取組と {fyLabel(p.fiscalYear)} の結果・見直し</h2>
        <p class="hint">
          結果（▶）と見直し（⇒）を書きます。文を空にして保存すると、その記載は削除されます。
        </p>
        {p.activities.map((activity, i) => {
          const entries = p.state.activities[i]?.entries ?? [];
          const others = activity.entries.filter((e) => e.fiscalYear !== p.fiscalYear);
          return (
            <fieldset class="field activity-fieldset">
              <legend>☐ {activity.title}</legend>
              {activity.text !== activity.title ? <p class="hint">{activity.text}</p> : null}
              {others.length > 0 ? (
                <ul class="entries">
                  {others.map((e) => (
                    <li>{renderEntry(e, p.conventions)}</li>
                  ))}
                </ul>
              ) : null}
              <input type="hidden" name={`a${i}_e_count`} value={String(entries.length)} />
              {entries.map((e, j) => (
                <div class="entry-row">
                  <label for={`a${i}_e${j}_kind`} class="visually-hidden">
                    種類
                  </label>
                  <select id={`a${i}_e${j}_kind`} name={`a${i}_e${j}_kind`}>
                    <option value="result" selected={e.kind === 'result'}>
                      ▶ 結果
                    </option>
                    <option value="revision" selected={e.kind === 'revision'}>
                      ⇒ 見直し
                    </option>
                  </select>
                  <label for={`a${i}_e${j}_text`} class="visually-hidden">
                    {activity.title} の記載 {j + 1}
                  </label>
                  <textarea id={`a${i}_e${j}_text`} name={`a${i}_e${j}_text`} rows={2}>
                    {e.text}
                  </textarea>
                  <label>
                    <input type="checkbox" name={`a${i}_e${j}_kpi`} value="1" checked={e.kpi} /> KPI
                  </label>
                </div>
              ))}
              <div class="entry-row">
                <label for={`a${i}_new_kind`} class="visually-hidden">
                  追加する記載の種類
                </label>
                <select id={`a${i}_new_kind`} name={`a${i}_new_kind`}>
                  <option value="result">▶ 結果</option>
                  <option value="revision">⇒ 見直し</option>
                </select>
                <label for={`a${i}_new_text`} class="visually-hidden">
                  {activity.title} に記載を追加
                </label>
                <textarea
                  id={`a${i}_new_text`}
                  name={`a${i}_new_text`}
                  rows={2}
                  placeholder="記載を追加"
                />
                <label>
                  <input type="checkbox" name={`a${i}_new_kpi`} value="1" /> KPI
                </label>
              </div>
            </fieldset>
          );
        })}
        <fieldset class="field">
          <legend>取組（☐）を追加</legend>
          <label for="new_activity_text">取組の名称と内容</label>
          <textarea id="new_activity_text" name="new_activity_text" rows={2}>
            {p.state.newActivity?.text ?? ''}
          </textarea>
          <label for="new_activity_result">{fyLabel(p.fiscalYear)} の結果（任意）</label>
          <textarea id="new_activity_result" name="new_activity_result" rows={2}>
            {p.state.newActivity?.result ?? ''}
          </textarea>
        </fieldset>
        {p.canSubmit ? (
          <fieldset class="field">
            <legend>入力完了にするとき</legend>
            <p class="hint">
              入力完了には、この年度の予算・決算と結果（▶）が1件以上必要です。ないときは理由を書いてください（記録されます）。
            </p>
            <label for="reason_figures">予算・決算がない理由</label>
            <textarea id="reason_figures" name="reason_figures" rows={2}>
              {p.reasons.figures}
            </textarea>
            <label for="reason_result">結果（▶）がない理由</label>
            <textarea id="reason_result" name="reason_result" rows={2}>
              {p.reasons.result}
            </textarea>
          </fieldset>
        ) : null}
        <div class="actions">
          <button type="submit" class="button" name="intent" value="save">
            保存
          </button>
          {p.canSubmit ? (
            <button type="submit" class="button button--secondary" name="intent" value="submit">
              保存して入力完了にする
            </button>
          ) : null}
          <a href={p.projectUrl}>取り消して戻る</a>
        </div>
        {p.canSubmit ? (
          <p class="hint">入力完了にすると、この画面の内容を保存してから企画課の確認に回ります。</p>
        ) : null}
      </form>
    </>
  );
}
