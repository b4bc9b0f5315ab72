import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { KpiScope } from '../../core/kpi.ts';
import { DIRECTION_LABELS, KIND_LABELS } from '../../core/kpi-input.ts';
import { t } from '../../i18n/translate.ts';
import type { FieldErrors, KpiFormState } from '../forms/kpi-form.ts';
import { targetField } from '../forms/kpi-form.ts';
import { Csrf } from '../render.tsx';
import { fyLabel, fyShort } from './format.ts';
import { ErrorSummary, RadioGroup, TextField } from './kpi-fields.tsx';
import { ScrollBox } from './scroll-box.tsx';

export interface KpiFormPageProps {
  mode: 'new' | 'edit';
  action: string;
  backUrl: string;
  csrf: string;
  scope: KpiScope;
  path: { level: string; title: string }[];
  /** Fiscal years offered for year targets (the plan period, and any other with a target). */
  years: FiscalYear[];
  state: KpiFormState;
  errors: FieldErrors;
}

const KINDS_OF_KPI: Record<KpiScope, string> = {
  goal: '基本目標の数値目標',
  measure: '施策の KPI',
  project: '事業の KPI',
};

const LABELS: Record<string, string> = {
  name: '指標名',
  unit: '単位',
  direction: '方向',
  kind: '種類',
  baselineValue: '基準値',
  baselineYear: '基準年度',
  targetValue: '目標値',
  targetYear: '目標年度',
};

/**
 * A KPI's definition: name, unit, direction, kind, baseline, final target and optional targets per
 * fiscal year. Works without JavaScript; errors stand next to their field and in a summary.
 */
export function KpiFormPage(p: KpiFormPageProps) {
  const labels = {
    ...LABELS,
    ...Object.fromEntries(p.years.map((fy) => [targetField(fy), `${fyShort(fy)} の目標`])),
  };
  const owner = p.path.at(-1);
  return (
    <>
      <p>
        <a href={p.backUrl}>← 戻る</a>
      </p>
      <h1>
        {p.mode === 'new' ? 'KPI の追加' : 'KPI の編集'}（{KINDS_OF_KPI[p.scope]}）
      </h1>
      <ol class="tree-path" aria-label="KPI を付ける場所">
        {p.path.map((s) => (
          <li>
            <span class="tree-path__level">{s.level}</span> {s.title}
          </li>
        ))}
      </ol>
      <ErrorSummary errors={p.errors} labels={labels} />
      <form method="post" action={p.action} novalidate class="kpi-form">
        <Csrf token={p.csrf} />
        <TextField
          name="name"
          label="指標名"
          hint={owner ? `「${owner.title}」の成果を測る指標。例: 移住相談件数` : undefined}
          value={p.state.name}
          errors={p.errors}
        />
        <TextField
          name="unit"
          label="単位"
          hint="例: 件、人、%、社"
          value={p.state.unit}
          errors={p.errors}
          class="short"
        />
        <RadioGroup
          name="direction"
          legend="方向"
          value={p.state.direction}
          errors={p.errors}
          options={[
            { value: 'higher', label: DIRECTION_LABELS.higher, hint: '例: 相談件数' },
            { value: 'lower', label: DIRECTION_LABELS.lower, hint: '例: 待機児童数' },
          ]}
        />
        <RadioGroup
          name="kind"
          legend="種類"
          value={p.state.kind}
          errors={p.errors}
          options={[
            { value: 'annual', label: KIND_LABELS.annual, hint: '各年度の値で比べる' },
            {
              value: 'cumulative',
              label: KIND_LABELS.cumulative,
              hint: '各年度の実績を足し上げて比べる',
            },
          ]}
        />
        <fieldset class="field kpi-pair">
          <legend>基準（任意）</legend>
          <TextField
            name="baselineValue"
            label="基準値"
            hint="例: 10。全角数字・カンマも使えます"
            value={p.state.baselineValue}
            errors={p.errors}
            inputmode="decimal"
            class="amount"
          />
          <TextField
            name="baselineYear"
            label="基準年度"
            hint="例: R1、令和元年度、2019"
            value={p.state.baselineYear}
            errors={p.errors}
            class="short"
          />
        </fieldset>
        <fieldset class="field kpi-pair">
          <legend>最終目標</legend>
          <TextField
            name="targetValue"
            label="目標値"
            value={p.state.targetValue}
            errors={p.errors}
            inputmode="decimal"
            class="amount"
          />
          <TextField
            name="targetYear"
            label="目標年度"
            hint="例: R6、令和6年度、2024"
            value={p.state.targetYear}
            errors={p.errors}
            class="short"
          />
        </fieldset>
        <fieldset class="field">
          <legend>年度ごとの目標（任意）</legend>
          <p class="hint">
            空欄の年度は、単年度の KPI では最終目標、累計の KPI
            では最終目標を年数で按分した値と比べます。
          </p>
          <ScrollBox label={t('layout.box.kpi-year-targets')}>
            <table class="kpi-year-targets">
              <thead>
                <tr>
                  <th scope="col">年度</th>
                  <th scope="col">目標値</th>
                </tr>
              </thead>
              <tbody>
                {p.years.map((fy) => {
                  const name = targetField(fy);
                  const error = p.errors[name];
                  return (
                    <tr class={error ? 'field--error' : undefined}>
                      <th scope="row">
                        <label for={name}>{fyLabel(fy)}</label>
                      </th>
                      <td>
                        {error ? (
                          <p class="error-message" id={`${name}-error`}>
                            <span class="visually-hidden">エラー:</span> {t(error)}
                          </p>
                        ) : null}
                        <input
                          id={name}
                          name={name}
                          type="text"
                          class="amount"
                          inputmode="decimal"
                          autocomplete="off"
                          value={p.state.yearTargets[fy] ?? ''}
                          aria-describedby={error ? `${name}-error` : undefined}
                          aria-invalid={error ? 'true' : undefined}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        </fieldset>
        <div class="actions">
          <button type="submit" class="button">
            保存
          </button>
          <a href={p.backUrl}>取り消す</a>
        </div>
      </form>
    </>
  );
}
