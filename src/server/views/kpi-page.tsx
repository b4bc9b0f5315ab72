import { formatKpiChange, type KpiChange } from '../../app/kpi/kpi-import-changes.ts';
import type { KpiLine, KpiPageView } from '../../app/kpi/kpi-view.ts';
import type { PlanView } from '../../app/views/plan-view.ts';
import type { Finding } from '../../core/finding.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import { formatFinding } from '../../i18n/format-finding.ts';
import { t } from '../../i18n/translate.ts';
import { Csrf } from '../render.tsx';
import { type PlanAddress, urls } from '../urls.ts';
import { fyLabel, fyShort, rate, yearStatusLabel } from './format.ts';
import {
  asOfLabel,
  categoryLabel,
  directionLabel,
  kindLabel,
  kpiNumber,
  scaleNote,
  valueAtYear,
  yearTargetsLabel,
} from './kpi-format.ts';
import { ScrollBox } from './scroll-box.tsx';
import { YearFilter } from './year-filter.tsx';

export interface KpiImportReport {
  fileName: string;
  dryRun: boolean;
  written: boolean;
  rows: number;
  findings: Finding[];
  changes: KpiChange[];
}

export interface KpiPageProps {
  view: PlanView;
  page: KpiPageView;
  address: PlanAddress;
  csrf: string;
  notice: string | null;
  importReport: KpiImportReport | null;
}

const COLUMNS = 9;

/** A KPI's band as a tag; its position on the scale (0 = best) picks the colour. */
export function BandTag(props: { line: KpiLine }) {
  const band = props.line.band;
  if (!band) return <span class="muted">{NO_VALUE_MARK}</span>;
  return <span class={`band band--${band.index}`}>{band.band.label}</span>;
}

/** The year's actual with its as-of date and source, and a cumulative KPI's sum. */
export function ActualCell(props: { line: KpiLine }) {
  const { line } = props;
  if (!line.actual) return <span class="muted">未入力</span>;
  const asOf = asOfLabel(line.actual.asOf);
  return (
    <>
      {kpiNumber(line.actual.value)}
      {line.record.definition.kind === 'cumulative' ? (
        <span class="kpi-note">累計 {kpiNumber(line.year.actual)}</span>
      ) : null}
      {asOf ? <span class="kpi-note">{asOf}時点</span> : null}
      {line.actual.source ? <span class="kpi-note">出典: {line.actual.source}</span> : null}
    </>
  );
}

/**
 * Every KPI of the plan under its goal, measure or project in tree order, for one fiscal year:
 * definition, the year's actual, both achievement rates (computed) and the band on the
 * municipality's scale, whose name and thresholds the page states.
 */
export function KpiPage(props: KpiPageProps) {
  const { view, page, address } = props;
  const fy = page.fiscalYear;
  return (
    <>
      <h1>{view.summary.title}：KPI</h1>
      <p class="lead">
        {fyLabel(fy)}・{yearStatusLabel(page.yearStatus)}・計画期間{' '}
        {fyLabel(view.summary.firstFiscalYear)}～{fyLabel(view.summary.lastFiscalYear)}
      </p>
      <YearFilter
        action={urls.planPage(address, 'kpis')}
        years={view.readableYears}
        selected={fy}
      />
      {props.notice ? (
        <div class="notice" role="status">
          {props.notice}
        </div>
      ) : null}
      {props.importReport ? <ImportReport report={props.importReport} /> : null}
      <p class="kpi-scale">{scaleNote(page.scale)}</p>
      <p class="hint">{t('kpi.rate.note')}</p>
      {!view.isMember ? <p class="hint">{t('kpi.public-years')}</p> : null}
      {page.count === 0 ? <p>{t('kpi.no-kpis')}</p> : null}
      {page.groups.length > 0 ? (
        <ScrollBox label={t('layout.box.kpis', { fiscalYear: fyLabel(fy) })}>
          <table class="kpi-table">
            <caption>{fyLabel(fy)} の KPI と達成状況（達成率は計算値）</caption>
            <thead>
              <tr>
                <th scope="col">指標</th>
                <th scope="col">単位</th>
                <th scope="col">方向・種類</th>
                <th scope="col" class="num">
                  基準値
                </th>
                <th scope="col" class="num">
                  目標値
                </th>
                <th scope="col" class="num">
                  {fyShort(fy)} の実績
                </th>
                <th scope="col" class="num">
                  達成率（{fyShort(fy)} の目標）
                </th>
                <th scope="col" class="num">
                  達成率（最終目標）
                </th>
                <th scope="col">区分</th>
              </tr>
            </thead>
            {page.groups.map((g) => {
              const owner = g.owner;
              const ownerKey = owner.scope === 'project' ? 'project' : 'node';
              return (
                <tbody>
                  <tr class={`kpi-group level-${Math.min(g.depth, 1)}`}>
                    <th scope="rowgroup" colspan={COLUMNS} class={`indent-${g.depth}`}>
                      <span class="kpi-level">{owner.level}</span> {owner.title}
                      {g.canAdd ? (
                        <>
                          {' '}
                          <a
                            class="kpi-add"
                            href={urls.planPage(address, 'kpis/new', {
                              scope: owner.scope,
                              [ownerKey]: owner.id,
                              fy,
                            })}
                          >
                            KPI を追加<span class="visually-hidden">（{owner.title}）</span>
                          </a>
                        </>
                      ) : null}
                    </th>
                  </tr>
                  {g.kpis.map((line) => {
                    const def = line.record.definition;
                    const targets = yearTargetsLabel(def);
                    return (
                      <tr>
                        <th scope="row" class={`indent-${g.depth + 1}`}>
                          <a href={urls.kpi(address, line.record.id, { fy })}>{def.name}</a>
                          {line.canManage ? (
                            <span class="kpi-note">
                              <a href={urls.kpiPage(address, line.record.id, 'edit', { fy })}>
                                定義を編集<span class="visually-hidden">（{def.name}）</span>
                              </a>
                            </span>
                          ) : null}
                        </th>
                        <td>{def.unit}</td>
                        <td>
                          {directionLabel(def.direction)}・{kindLabel(def.kind)}
                          {def.category ? `・${categoryLabel(def.category)}` : null}
                        </td>
                        <td class="num">{valueAtYear(def.baseline)}</td>
                        <td class="num">
                          {valueAtYear(def.target)}
                          {targets ? <span class="kpi-note">年度目標: {targets}</span> : null}
                        </td>
                        <td class="num">
                          <ActualCell line={line} />
                        </td>
                        <td class="num">
                          {rate(line.year.rate)}
                          <span class="kpi-note">目標 {kpiNumber(line.year.target)}</span>
                        </td>
                        <td class="num">{rate(line.final.rate)}</td>
                        <td>
                          <BandTag line={line} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              );
            })}
          </table>
        </ScrollBox>
      ) : null}
      {page.canImport ? <ImportForm address={address} fy={fy} csrf={props.csrf} /> : null}
    </>
  );
}

function ImportForm(props: { address: PlanAddress; fy: number; csrf: string }) {
  return (
    <section class="kpi-import">
      <h2>CSV から取り込む（管理者）</h2>
      <p>
        1行に1つの KPI。列:
        区分（基本目標・施策・事業）、対象（名称または事業番号）、指標名、単位、方向（高・低）、種類（単年度・累計）、基準値、基準年度、目標値、目標年度、続けて
        目標_R3・実績_R2・実績日_R2・出典_R2 のような年度ごとの列。UTF-8 または
        Shift_JIS。問題があれば一件も書き込みません。実績は入力受付中の年度だけ取り込みます。
        列の説明: <a href={urls.doc('kpi-import')}>{t('doc.kpi-import')}</a>
      </p>
      <form
        method="post"
        action={urls.planPage(props.address, 'kpis/import', { fy: props.fy })}
        enctype="multipart/form-data"
      >
        <Csrf token={props.csrf} />
        <div class="field">
          <label for="file">CSV ファイル</label>
          <input type="file" id="file" name="file" accept=".csv,text/csv" />
        </div>
        <div class="field kpi-check">
          <input type="checkbox" id="dryRun" name="dryRun" value="1" />{' '}
          <label for="dryRun">確認のみ（書き込まない）</label>
        </div>
        <button type="submit" class="button">
          取り込む
        </button>
      </form>
    </section>
  );
}

function ImportReport(props: { report: KpiImportReport }) {
  const r = props.report;
  const errors = r.findings.filter((f) => f.severity === 'error');
  const others = r.findings.filter((f) => f.severity !== 'error');
  if (errors.length > 0) {
    return (
      <div class="error-summary" role="alert">
        <h2>{t('import.invalid', { count: errors.length })}</h2>
        <ul class="kpi-findings">
          {r.findings.map((f) => (
            <li>{formatFinding(f)}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div class="notice" role="status">
      <h2>
        {r.dryRun
          ? t('kpi.import.dry-run', { changes: r.changes.length })
          : t('kpi.import.written', { changes: r.changes.length })}
      </h2>
      <p>
        {r.fileName}: {t('kpi.import.summary', { rows: r.rows, changes: r.changes.length })}
      </p>
      {r.changes.length > 0 ? (
        <ul>
          {r.changes.map((c) => (
            <li>{formatKpiChange(c)}</li>
          ))}
        </ul>
      ) : (
        <p>{t('change.none')}</p>
      )}
      {others.length > 0 ? (
        <ul class="kpi-findings">
          {others.map((f) => (
            <li>{formatFinding(f)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
