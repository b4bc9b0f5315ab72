import type { EvaluationQueue, QueueRow } from '../../app/evaluation/evaluation-queue.ts';
import { COMMENT_ROLES } from '../../app/evaluation/evaluations.ts';
import { describeScale } from '../../app/evaluation/settings-form.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import { t } from '../../i18n/translate.ts';
import { type PlanAddress, urls } from '../urls.ts';
import { fyLabel, rate, yearStatusLabel } from './format.ts';

export type QueueFilter = 'pending' | 'all';

export interface EvaluationQueuePageProps {
  address: PlanAddress;
  title: string;
  years: { fiscalYear: number; status: Parameters<typeof yearStatusLabel>[0] }[];
  fiscalYear: number;
  filter: QueueFilter;
  queue: EvaluationQueue;
  isAdmin: boolean;
}

/**
 * The committee's queue for a fiscal year: every project with its 事業効果, 今後の方針, the
 * number of comments per role and the KPI-based hint; 未評価のみ narrows it to what is left.
 */
export function EvaluationQueuePage(p: EvaluationQueuePageProps) {
  const { queue } = p;
  const rows = p.filter === 'pending' ? queue.rows.filter((r) => !r.evaluated) : queue.rows;
  const total = queue.rows.length;
  return (
    <>
      <p class="lead">{p.title}</p>
      <h1>{fyLabel(p.fiscalYear)} の評価</h1>
      <p class="scale-in-use">
        {t('scale.in-use', {
          name: queue.settings.scale.name,
          bands: describeScale(queue.settings.scale),
        })}
        {p.isAdmin ? (
          <>
            {' '}
            <a href={urls.municipalityPage(p.address.code, 'settings')}>区分と今後の方針の設定</a>
          </>
        ) : null}
      </p>
      <form method="get" action={urls.planPage(p.address, 'evaluations')} class="filters">
        <div class="field">
          <label for="fy">年度</label>
          <select id="fy" name="fy">
            {p.years.map((y) => (
              <option value={String(y.fiscalYear)} selected={y.fiscalYear === p.fiscalYear}>
                {fyLabel(y.fiscalYear)}・{yearStatusLabel(y.status)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter">表示</label>
          <select id="filter" name="filter">
            <option value="pending" selected={p.filter === 'pending'}>
              未評価のみ
            </option>
            <option value="all" selected={p.filter === 'all'}>
              すべての事業
            </option>
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          表示
        </button>
      </form>
      <p>
        {t('evaluation.queue.counts', {
          evaluated: queue.evaluated,
          unevaluated: queue.unevaluated,
          total,
        })}
      </p>
      <p class="hint">{t('evaluation.queue.evaluated-means')}</p>
      {rows.length === 0 ? (
        <p>{t('evaluation.queue.none-pending', { fiscalYear: fyLabel(p.fiscalYear) })}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="queue-caption" tabindex={0}>
          <table class="evaluation-queue">
            <caption id="queue-caption">
              {fyLabel(p.fiscalYear)} の事業と評価（
              {p.filter === 'pending' ? '未評価のみ' : 'すべて'}、{rows.length} 件）
            </caption>
            <thead>
              <tr>
                <th scope="col" class="no">
                  No.
                </th>
                <th scope="col">事業名</th>
                <th scope="col">担当課</th>
                <th scope="col">状態</th>
                <th scope="col">事業効果</th>
                <th scope="col">今後の方針</th>
                <th scope="col">コメント数</th>
                <th scope="col">KPI からの目安</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <QueueRowView row={r} address={p.address} fiscalYear={p.fiscalYear} />
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

function QueueRowView(props: { row: QueueRow; address: PlanAddress; fiscalYear: number }) {
  const r = props.row;
  const unset = <span class="muted">{t('evaluation.unset')}</span>;
  return (
    <tr data-project={String(r.projectId)}>
      <td class="no">{r.no}</td>
      <th scope="row">
        <a
          href={urls.projectPage(props.address, r.projectId, 'evaluation', {
            fy: props.fiscalYear,
          })}
        >
          {r.name}
        </a>
      </th>
      <td>{r.department ?? NO_VALUE_MARK}</td>
      <td>
        {r.evaluated ? (
          <span class="tag tag--evaluated">評価済み</span>
        ) : (
          <span class="tag tag--unevaluated">未評価</span>
        )}
      </td>
      <td>{r.effect ?? unset}</td>
      <td>{r.policy ?? unset}</td>
      <td class="comment-counts">
        {COMMENT_ROLES.map((role) => `${t(`role.${role}`)} ${r.comments[role]}`).join('・')}
      </td>
      <td>{r.hint ? `${r.hint.label}（${rate(r.hintRate)}）` : NO_VALUE_MARK}</td>
    </tr>
  );
}
