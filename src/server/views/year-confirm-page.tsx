import type { UnfinishedProject } from '../../app/workflow/year-gate.ts';
import type { Finding } from '../../core/finding.ts';
import type { AmountUnit } from '../../core/money.ts';
import type { YearAction } from '../../core/workflow.ts';
import { formatFinding } from '../../i18n/format-finding.ts';
import { t } from '../../i18n/translate.ts';
import { Csrf } from '../render.tsx';
import { fyLabel, projectStatusLabel } from './format.ts';

export interface YearConfirmPageProps {
  action: YearAction;
  fiscalYear: number;
  postAction: string;
  cancelUrl: string;
  projectUrl: (projectId: number) => string;
  csrf: string;
  unit: AmountUnit;
  unfinished: UnfinishedProject[];
  /** The check's errors (publish): unfinished and empty projects included. */
  errors: Finding[];
  /** Why the step was refused (a reason is needed), and the reason as typed. */
  refusal: string | null;
  reason: string;
}

/**
 * The confirmation of a year step: what it will do, and for 締め切る the unfinished projects,
 * for 公表する the check's errors; with any, the step needs a reason, which is recorded.
 */
export function YearConfirmPage(p: YearConfirmPageProps) {
  const what = fyLabel(p.fiscalYear);
  const showUnfinished = p.action === 'lock' || p.action === 'publish';
  const blockers =
    p.action === 'lock' ? p.unfinished.length : p.action === 'publish' ? p.errors.length : 0;
  return (
    <>
      <h1>{t(`confirm.${p.action}`, { what })}</h1>
      {p.refusal ? (
        <div class="error-summary" role="alert">
          <h2>まだ実行していません</h2>
          <p>
            <a href="#reason">{p.refusal}</a>
          </p>
        </div>
      ) : null}
      {showUnfinished ? (
        <section>
          <h2>未完了の事業（{p.unfinished.length} 件）</h2>
          {p.unfinished.length === 0 ? (
            <p>すべての事業が入力完了または確認済みです。</p>
          ) : (
            <ul>
              {p.unfinished.map((u) => (
                <li>
                  <a href={p.projectUrl(u.id)}>
                    {u.no}. {u.name}
                  </a>
                  ：{projectStatusLabel(u.status)}
                  {u.comment ? `（差戻しのコメント: ${u.comment}）` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {p.action === 'publish' ? (
        <section>
          <h2>検査のエラー（{p.errors.length} 件）</h2>
          {p.errors.length === 0 ? (
            <p>エラーはありません。</p>
          ) : (
            <ul>
              {p.errors.map((f) => (
                <li class="finding finding--error" data-code={f.code}>
                  {formatFinding(f, p.unit)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <form method="post" action={p.postAction}>
        <Csrf token={p.csrf} />
        <input type="hidden" name="action" value={p.action} />
        <input type="hidden" name="confirmed" value="1" />
        {blockers > 0 ? (
          <div class="field">
            <label for="reason">このまま{t(`action.year.${p.action}`)}理由（記録されます）</label>
            <textarea id="reason" name="override" rows={2}>
              {p.reason}
            </textarea>
          </div>
        ) : null}
        <div class="actions">
          <button type="submit" class="button">
            {t(`action.year.${p.action}`)}
          </button>
          <a href={p.cancelUrl}>やめて戻る</a>
        </div>
      </form>
    </>
  );
}
