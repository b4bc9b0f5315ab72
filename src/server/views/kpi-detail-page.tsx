import type { KpiDetailView } from '../../app/kpi/kpi-view.ts';
import type { PlanView } from '../../app/views/plan-view.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import { t } from '../../i18n/translate.ts';
import type { ActualFormState, FieldErrors } from '../forms/kpi-form.ts';
import { Csrf } from '../render.tsx';
import { type PlanAddress, urls } from '../urls.ts';
import { fyLabel, fyShort, rate, yearStatusLabel } from './format.ts';
import { ErrorSummary, TextField } from './kpi-fields.tsx';
import {
  asOfLabel,
  directionLabel,
  kindLabel,
  kpiNumber,
  scaleNote,
  valueAtYear,
  yearTargetsLabel,
} from './kpi-format.ts';
import { KpiMetricChoice } from './kpi-metric-choice.tsx';
import { BandTag } from './kpi-page.tsx';
import { ScrollBox } from './scroll-box.tsx';
import { YearFilter } from './year-filter.tsx';

export interface KpiDetailPageProps {
  view: PlanView;
  detail: KpiDetailView;
  address: PlanAddress;
  csrf: string;
  notice: string | null;
  actualForm: ActualFormState;
  actualErrors: FieldErrors;
  /** An error of the link form (a result without a figure). */
  linkError: string | null;
}

const ACTUAL_LABELS = { value: '実績値', asOf: '時点（実績日）', source: '出典' };

/**
 * One KPI: its place in the tree, its definition, every readable year with its actual and
 * achievements, and for those allowed the selected year's actual and the project's results.
 */
export function KpiDetailPage(p: KpiDetailPageProps) {
  const { detail, address } = p;
  const line = detail.line;
  const def = line.record.definition;
  const fy = line.fiscalYear;
  const kpiId = line.record.id;
  const targets = yearTargetsLabel(def);
  return (
    <>
      <p>
        <a href={urls.planPage(address, 'kpis', { fy })}>← KPI の一覧へ</a>
      </p>
      <h1>{def.name}</h1>
      <ol class="tree-path" aria-label="計画の体系での位置">
        {detail.path.map((s) => (
          <li>
            <span class="tree-path__level">{s.level}</span> {s.title}
          </li>
        ))}
      </ol>
      {p.notice ? (
        <div class="notice" role="status">
          {p.notice}
        </div>
      ) : null}
      <dl class="summary-list">
        <dt>単位</dt>
        <dd>{def.unit}</dd>
        <dt>方向</dt>
        <dd>{directionLabel(def.direction)}</dd>
        <dt>種類</dt>
        <dd>{kindLabel(def.kind)}</dd>
        <dt>基準値</dt>
        <dd>{valueAtYear(def.baseline)}</dd>
        <dt>目標値</dt>
        <dd>{valueAtYear(def.target)}</dd>
        <dt>年度ごとの目標</dt>
        <dd>{targets || NO_VALUE_MARK}</dd>
      </dl>
      {line.canManage ? (
        <p>
          <a href={urls.kpiPage(address, kpiId, 'edit', { fy })}>定義を編集</a>
        </p>
      ) : null}
      <YearFilter action={urls.kpi(address, kpiId)} years={p.view.readableYears} selected={fy} />
      <p class="kpi-scale">{scaleNote(detail.scale)}</p>
      <ScrollBox label={t('layout.box.kpi-years')}>
        <table class="kpi-table">
          <caption>年度ごとの実績と達成率（達成率は計算値）</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col" class="num">
                目標
              </th>
              <th scope="col" class="num">
                実績
              </th>
              <th scope="col">時点・出典</th>
              <th scope="col" class="num">
                達成率（年度の目標）
              </th>
              <th scope="col" class="num">
                達成率（最終目標）
              </th>
              <th scope="col">区分</th>
            </tr>
          </thead>
          <tbody>
            {detail.years.map((y) => {
              const a = y.line.actual;
              const asOf = a ? asOfLabel(a.asOf) : null;
              return (
                <tr class={y.fiscalYear === fy ? 'is-selected' : undefined}>
                  <th scope="row">
                    <a href={urls.kpi(address, kpiId, { fy: y.fiscalYear })}>
                      {fyLabel(y.fiscalYear)}
                    </a>
                    <span class="kpi-note">{yearStatusLabel(y.status)}</span>
                  </th>
                  <td class="num">
                    {kpiNumber(y.line.year.target)}
                    {y.ownTarget === null ? null : <span class="kpi-note">年度目標</span>}
                  </td>
                  <td class="num">
                    {a ? kpiNumber(a.value) : <span class="muted">{NO_VALUE_MARK}</span>}
                    {a && def.kind === 'cumulative' ? (
                      <span class="kpi-note">累計 {kpiNumber(y.line.year.actual)}</span>
                    ) : null}
                  </td>
                  <td>
                    {asOf ? `${asOf}時点` : ''}
                    {a?.source ? <span class="kpi-note">出典: {a.source}</span> : null}
                  </td>
                  <td class="num">{rate(y.line.year.rate)}</td>
                  <td class="num">{rate(y.line.final.rate)}</td>
                  <td>
                    <BandTag line={y.line} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <p class="hint">{t('kpi.rate.note')}</p>
      {line.canEnterActual ? (
        <ActualForm {...p} />
      ) : line.canManage ? (
        <p class="notice notice--warning">
          {t('kpi.year-not-open', {
            fiscalYear: fyLabel(fy),
            status: yearStatusLabel(detail.yearStatus),
          })}
        </p>
      ) : null}
      {line.canEnterActual && line.owner.scope === 'project' ? <LinkForm {...p} /> : null}
      {line.canEnterActual ? (
        <KpiMetricChoice detail={detail} address={address} csrf={p.csrf} />
      ) : null}
    </>
  );
}

function ActualForm(p: KpiDetailPageProps) {
  const line = p.detail.line;
  const fy = line.fiscalYear;
  return (
    <section>
      <h2>{fyLabel(fy)} の実績の入力</h2>
      <ErrorSummary errors={p.actualErrors} labels={ACTUAL_LABELS} />
      <form
        method="post"
        action={urls.kpiPage(p.address, line.record.id, 'actuals', { fy })}
        novalidate
        class="kpi-form"
      >
        <Csrf token={p.csrf} />
        <input type="hidden" name="fy" value={String(fy)} />
        <TextField
          name="value"
          label={`実績値（${line.record.definition.unit}）`}
          hint="例: 1,234、12.5。全角数字・カンマも使えます。達成率は自動で計算します。"
          value={p.actualForm.value}
          errors={p.actualErrors}
          inputmode="decimal"
          class="amount"
        />
        <TextField
          name="asOf"
          label="時点（実績日）"
          hint="任意。例: 2022-03-31、R4.3.31、令和4年3月31日"
          value={p.actualForm.asOf}
          errors={p.actualErrors}
        />
        <TextField
          name="source"
          label="出典"
          hint="任意。例: 住民基本台帳、事業実績"
          value={p.actualForm.source}
          errors={p.actualErrors}
        />
        <button type="submit" class="button">
          実績を保存
        </button>
      </form>
    </section>
  );
}

function LinkForm(p: KpiDetailPageProps) {
  const line = p.detail.line;
  const fy = line.fiscalYear;
  const results = p.detail.results;
  return (
    <section>
      <h2>事業の結果を KPI の結果にする</h2>
      <p class="hint">
        {fyShort(fy)} の事業の結果（▶）を選ぶと、KPI の結果（進捗状況表の下線）として、この KPI
        に結び付けます。文中の数値を実績にすることもできます。
      </p>
      {p.linkError ? (
        <div class="error-summary" role="alert">
          <p class="error-message">{p.linkError}</p>
        </div>
      ) : null}
      {results.length === 0 ? (
        <p class="muted">{fyLabel(fy)} の結果の記載はまだありません。</p>
      ) : (
        <form method="post" action={urls.kpiPage(p.address, line.record.id, 'link', { fy })}>
          <Csrf token={p.csrf} />
          <fieldset class="field">
            <legend>{fyLabel(fy)} の結果</legend>
            {results.map((r, i) => (
              <div class="radio">
                <input
                  type="radio"
                  id={`entry-${r.entryId}`}
                  name="entry"
                  value={String(r.entryId)}
                  checked={i === 0}
                />
                <label for={`entry-${r.entryId}`}>
                  {r.activityTitle}: ▶{r.text}
                  <span class="kpi-note">
                    読み取れる数値:{' '}
                    {r.figure ? `${kpiNumber(r.figure.value)}${r.figure.unit}` : 'なし'}
                    {r.marked
                      ? r.linkedKpiId === line.record.id
                        ? '・この KPI の結果'
                        : '・KPI の結果（ほかの KPI）'
                      : ''}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
          <div class="field kpi-check">
            <input type="checkbox" id="take" name="take" value="1" checked />{' '}
            <label for="take">
              文中の数値を {fyShort(fy)} の実績にする（{line.record.definition.unit}
              の数値を優先）
            </label>
          </div>
          <div class="actions">
            <button type="submit" name="action" value="link" class="button">
              KPI の結果にする
            </button>
            <button type="submit" name="action" value="unlink" class="button button--secondary">
              KPI の結果の指定を外す
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
