import { type SettingsForm, thresholdField } from '../../app/evaluation/settings-form.ts';
import type { FieldError } from '../../app/workflow/save-project-year.ts';
import { BUILT_IN_SCALES, type StatusScale } from '../../core/status-scale.ts';
import { t } from '../../i18n/translate.ts';
import { Csrf } from '../render.tsx';
import { urls } from '../urls.ts';

export interface EvaluationSettingsPageProps {
  code: string;
  municipalityName: string;
  csrf: string;
  form: SettingsForm;
  errors: Record<string, FieldError>;
  saved: boolean;
  /** Where "back" goes: the evaluation queue of the first plan, when there is one. */
  back: string | null;
}

const errorText = (e: FieldError | undefined) => (e ? t(e.key, e.params) : null);

function fieldLabel(name: string): string {
  if (name === 'scale') return '区分';
  if (name === 'policies') return '今後の方針';
  for (const scale of BUILT_IN_SCALES) {
    for (let i = 0; i < scale.bands.length - 1; i++) {
      if (thresholdField(scale.id, i) === name) return `${scale.bands[i]?.label} のしきい値`;
    }
  }
  return name;
}

/**
 * The municipality's evaluation settings (administrators): the scale reports and evaluations
 * use, its thresholds in %, and the 今後の方針 list. Each scale has its own threshold fields, so
 * the form needs no JavaScript; only the chosen scale's are saved.
 */
export function EvaluationSettingsPage(p: EvaluationSettingsPageProps) {
  const errorEntries = Object.entries(p.errors);
  const policiesError = errorText(p.errors.policies);
  const scaleError = errorText(p.errors.scale);
  return (
    <>
      {p.back ? (
        <p>
          <a href={p.back}>← 評価の一覧へ</a>
        </p>
      ) : null}
      <h1>評価の設定</h1>
      <p class="lead">{p.municipalityName} の事業効果の区分と今後の方針</p>
      {p.saved ? (
        <div class="notice" role="status">
          {t('settings.saved')}
        </div>
      ) : null}
      {errorEntries.length > 0 ? (
        <div class="error-summary" role="alert">
          <h2>保存できませんでした</h2>
          <ul>
            {errorEntries.map(([name, e]) => (
              <li>
                <a href={`#${name === 'scale' ? `scale-${BUILT_IN_SCALES[0]?.id}` : name}`}>
                  {fieldLabel(name)}: {errorText(e)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="hint">{t('settings.existing-values')}</p>
      <form method="post" action={urls.municipalityPage(p.code, 'settings')} novalidate>
        <Csrf token={p.csrf} />
        <fieldset class={`field${scaleError ? ' field--error' : ''}`}>
          <legend>区分</legend>
          <span class="hint">
            評価の画面・一覧・進捗状況表の評価の列で使う区分です。しきい値は達成率（%）で、選んだ区分のものが保存されます。
          </span>
          {scaleError ? (
            <p class="error-message">
              <span class="visually-hidden">エラー:</span> {scaleError}
            </p>
          ) : null}
          {BUILT_IN_SCALES.map((scale) => (
            <ScaleChoice scale={scale} form={p.form} errors={p.errors} />
          ))}
        </fieldset>
        <div class={`field${policiesError ? ' field--error' : ''}`}>
          <label for="policies">今後の方針</label>
          <span class="hint" id="policies-hint">
            一行に一つずつ。評価の画面にこの順で並びます（既定: 発展・改善・継続・中止・終了）。
          </span>
          {policiesError ? (
            <p class="error-message" id="policies-error">
              <span class="visually-hidden">エラー:</span> {policiesError}
            </p>
          ) : null}
          <textarea
            id="policies"
            name="policies"
            rows={6}
            aria-describedby={`policies-hint${policiesError ? ' policies-error' : ''}`}
            aria-invalid={policiesError ? 'true' : undefined}
          >
            {p.form.policies}
          </textarea>
        </div>
        <button type="submit" class="button">
          保存
        </button>
      </form>
    </>
  );
}

function ScaleChoice(props: {
  scale: StatusScale;
  form: SettingsForm;
  errors: Record<string, FieldError>;
}) {
  const { scale } = props;
  const typed = props.form.thresholds[scale.id] ?? [];
  return (
    <div class="scale-choice">
      <label class="radio" for={`scale-${scale.id}`}>
        <input
          type="radio"
          id={`scale-${scale.id}`}
          name="scale"
          value={scale.id}
          checked={props.form.scaleId === scale.id}
        />{' '}
        {scale.name}
      </label>
      <div class="scale-thresholds">
        {scale.bands.slice(0, -1).map((band, i) => {
          const name = thresholdField(scale.id, i);
          const error = errorText(props.errors[name]);
          return (
            <div class={`field${error ? ' field--error' : ''}`}>
              <label for={name}>
                {band.label}（達成率 %{band.inclusive ? '以上' : 'を超える'}）
              </label>
              {error ? (
                <p class="error-message" id={`${name}-error`}>
                  <span class="visually-hidden">エラー:</span> {error}
                </p>
              ) : null}
              <input
                class="percent"
                id={name}
                name={name}
                type="text"
                inputmode="decimal"
                autocomplete="off"
                value={typed[i] ?? ''}
                aria-describedby={error ? `${name}-error` : undefined}
                aria-invalid={error ? 'true' : undefined}
              />
            </div>
          );
        })}
        <p class="hint">{scale.bands.at(-1)?.label}: それ未満</p>
      </div>
    </div>
  );
}
