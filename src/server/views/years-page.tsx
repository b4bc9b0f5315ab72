import type { ProgressRow } from '../../app/views/year-progress.ts';
import { NO_VALUE_MARK } from '../../core/no-value.ts';
import {
  nextYearStatus,
  shownProjectStatus,
  type YearAction,
  type YearStatus,
} from '../../core/workflow.ts';
import { t } from '../../i18n/translate.ts';
import { Csrf } from '../render.tsx';
import { type PlanAddress, urls } from '../urls.ts';
import { fyLabel, yearStatusLabel } from './format.ts';
import { ScrollBox } from './scroll-box.tsx';
import { WorkflowNotice } from './workflow-notice.tsx';

export interface YearsPageProps {
  plan: PlanAddress;
  csrf: string;
  isAdmin: boolean;
  years: { fiscalYear: number; status: YearStatus }[];
  fiscalYear: number;
  yearStatus: YearStatus;
  rows: ProgressRow[];
  /** The step just done, said after its redirect. */
  notice: { action: string; fiscalYear: number } | null;
  /** Check errors of the selected year (publishing them needs a reason). */
  checkErrors: number;
  canEdit: (row: ProgressRow) => boolean;
}

const ACTIONS: YearAction[] = ['open', 'lock', 'unlock', 'publish', 'unpublish'];

/**
 * The year's workflow: every fiscal year with its status (and, for the planning division, the
 * next steps), then the selected year's projects with their entry status and what is missing,
 * with accept / return for projects marked 入力完了.
 */
export function YearsPage(p: YearsPageProps) {
  const shown = (r: ProgressRow) => shownProjectStatus(p.yearStatus, r.status);
  const counts = new Map<string, number>();
  for (const r of p.rows) counts.set(shown(r), (counts.get(shown(r)) ?? 0) + 1);
  const selected = p.years.find((y) => y.fiscalYear === p.fiscalYear);
  const words = [...new Set(p.rows.map(shown))];
  return (
    <>
      <h1>年度の進行</h1>
      {p.notice ? (
        <WorkflowNotice action={p.notice.action} what={fyLabel(p.notice.fiscalYear)} />
      ) : null}
      <ScrollBox label={t('layout.box.years')}>
        <table>
          <caption>年度ごとの状態</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">状態</th>
              {p.isAdmin ? <th scope="col">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {p.years.map((y) => (
              <tr>
                <th scope="row">
                  <a
                    href={urls.planPage(p.plan, 'years', { fy: y.fiscalYear })}
                    aria-current={y.fiscalYear === p.fiscalYear ? 'true' : undefined}
                  >
                    {fyLabel(y.fiscalYear)}
                  </a>
                </th>
                <td>
                  <span class={`tag tag--${y.status}`}>{yearStatusLabel(y.status)}</span>
                </td>
                {p.isAdmin ? (
                  <td>
                    <div class="actions">
                      {ACTIONS.filter((a) => nextYearStatus(y.status, a) !== null).map((action) => (
                        // Each step opens its confirmation page (what stands in its way, a reason).
                        <form
                          method="get"
                          action={urls.planPage(p.plan, `years/${y.fiscalYear}`)}
                          class="inline-form"
                        >
                          <input type="hidden" name="action" value={action} />
                          {action === 'publish' && y.fiscalYear === p.fiscalYear ? (
                            <span class="hint">検査エラー {p.checkErrors} 件</span>
                          ) : null}
                          <button
                            type="submit"
                            class={`button ${action === 'publish' ? '' : 'button--secondary'}`}
                          >
                            {t(`action.year.${action}`)}
                          </button>
                        </form>
                      ))}
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>

      <h2>{fyLabel(p.fiscalYear)} の入力状況</h2>
      {selected ? (
        <p>
          年度の状態: {yearStatusLabel(selected.status)}。
          {words.map((w) => `${t(`status.project.${w}`)} ${counts.get(w) ?? 0} 件`).join('、')}
        </p>
      ) : null}
      <ScrollBox label={t('layout.box.year-progress')}>
        <table>
          <caption>事業ごとの入力状況と未入力の項目</caption>
          <thead>
            <tr>
              <th scope="col" class="no">
                No.
              </th>
              <th scope="col">事業名</th>
              <th scope="col">担当課</th>
              <th scope="col">状況</th>
              <th scope="col">未入力</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <td class="no">{r.no}</td>
                <td>
                  <a href={urls.project(p.plan, r.projectId, { fy: p.fiscalYear })}>{r.name}</a>
                </td>
                <td>{r.department ?? NO_VALUE_MARK}</td>
                <td>
                  <span class={`tag tag--${shown(r)}`}>{t(`status.project.${shown(r)}`)}</span>
                  {r.comment ? <p class="hint">コメント: {r.comment}</p> : null}
                </td>
                <td>
                  {r.missing.length === 0
                    ? 'なし'
                    : r.missing.map((m) => t(`missing.${m}`)).join('、')}
                </td>
                <td>
                  <div class="actions">
                    {p.canEdit(r) ? (
                      <a href={urls.projectPage(p.plan, r.projectId, 'edit', { fy: p.fiscalYear })}>
                        入力
                      </a>
                    ) : null}
                    {p.isAdmin && selected?.status === 'open' && r.status === 'submitted' ? (
                      <>
                        <form
                          method="post"
                          action={urls.projectPage(p.plan, r.projectId, 'status')}
                          class="inline-form"
                        >
                          <Csrf token={p.csrf} />
                          <input type="hidden" name="fy" value={String(p.fiscalYear)} />
                          <input type="hidden" name="back" value="years" />
                          <input type="hidden" name="action" value="accept" />
                          <button type="submit" class="button button--secondary">
                            {t('action.project.accept')}
                          </button>
                        </form>
                        <a
                          class="button button--secondary"
                          href={urls.projectPage(p.plan, r.projectId, 'return', {
                            fy: p.fiscalYear,
                          })}
                        >
                          {t('action.project.return')}
                        </a>
                      </>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}
