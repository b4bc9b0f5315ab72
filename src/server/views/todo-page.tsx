import type { ProgressRow } from '../../app/views/year-progress.ts';
import { t } from '../../i18n/translate.ts';
import { type PlanAddress, urls } from '../urls.ts';
import { fyLabel, projectStatusLabel } from './format.ts';
import { ScrollBox } from './scroll-box.tsx';

export interface TodoPageProps {
  plan: PlanAddress;
  fiscalYear: number | null;
  rows: ProgressRow[];
  isAdmin: boolean;
}

/** やること: the projects to enter in the open year, returned ones first, each to its form. */
export function TodoPage(p: TodoPageProps) {
  if (p.fiscalYear === null) {
    return (
      <>
        <h1>やること</h1>
        <p>入力を受け付けている年度はありません。</p>
      </>
    );
  }
  const fy = p.fiscalYear;
  return (
    <>
      <h1>やること：{fyLabel(fy)} の入力</h1>
      <p class="lead">
        {p.isAdmin ? 'すべての事業' : 'あなたの課の事業'}
        です。差戻しのあった事業を先に並べています。
      </p>
      {p.rows.length === 0 ? (
        <p>担当の事業はありません。</p>
      ) : (
        <ScrollBox label={t('layout.box.todo', { fiscalYear: fyLabel(fy) })}>
          <table>
            <caption>{fyLabel(fy)} の事業と入力状況</caption>
            <thead>
              <tr>
                <th scope="col" class="no">
                  No.
                </th>
                <th scope="col">事業名</th>
                <th scope="col">状況</th>
                <th scope="col">未入力</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td class="no">{r.no}</td>
                  <td>
                    <a href={urls.projectPage(p.plan, r.projectId, 'edit', { fy })}>{r.name}</a>
                  </td>
                  <td>
                    <span class={`tag tag--${r.status}`}>{projectStatusLabel(r.status)}</span>
                    {r.status === 'returned' && r.comment ? (
                      <p class="hint">差戻しのコメント: {r.comment}</p>
                    ) : null}
                  </td>
                  <td>
                    {r.missing.length === 0
                      ? 'なし'
                      : r.missing.map((m) => t(`missing.${m}`)).join('、')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}
