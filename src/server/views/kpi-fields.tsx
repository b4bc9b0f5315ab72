import { t } from '../../i18n/translate.ts';
import type { FieldErrors } from '../forms/kpi-form.ts';

/**
 * Form parts of the KPI pages: a labelled text field with its hint and its error next to it
 * (GOV.UK / デジタル庁 pattern), and the summary of errors at the top linking to each field.
 */
export function TextField(props: {
  name: string;
  label: string;
  value: string;
  errors: FieldErrors;
  hint?: string;
  inputmode?: 'decimal' | 'text';
  class?: string;
  autocomplete?: string;
}) {
  const error = props.errors[props.name];
  const described = [props.hint ? `${props.name}-hint` : '', error ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={props.name}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {error ? (
        <p class="error-message" id={`${props.name}-error`}>
          <span class="visually-hidden">エラー:</span> {t(error)}
        </p>
      ) : null}
      <input
        id={props.name}
        name={props.name}
        type="text"
        class={props.class}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete ?? 'off'}
        value={props.value}
        aria-describedby={described || undefined}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export function RadioGroup(props: {
  name: string;
  legend: string;
  value: string;
  options: { value: string; label: string; hint?: string }[];
  errors: FieldErrors;
}) {
  const error = props.errors[props.name];
  return (
    <fieldset class={`field${error ? ' field--error' : ''}`} id={props.name}>
      <legend>{props.legend}</legend>
      {error ? (
        <p class="error-message" id={`${props.name}-error`}>
          <span class="visually-hidden">エラー:</span> {t(error)}
        </p>
      ) : null}
      {props.options.map((o) => (
        <div class="radio">
          <input
            type="radio"
            id={`${props.name}-${o.value}`}
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
          />
          <label for={`${props.name}-${o.value}`}>
            {o.label}
            {o.hint ? <span class="hint">（{o.hint}）</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** The errors at the top of a form, each linking to its field. */
export function ErrorSummary(props: { errors: FieldErrors; labels: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      <h2>{t('kpi.error.summary')}</h2>
      <ul>
        {entries.map(([name, key]) => (
          <li>
            <a href={`#${name}`}>
              {props.labels[name] ?? name}: {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
