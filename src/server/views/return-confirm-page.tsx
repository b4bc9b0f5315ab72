import { Csrf } from '../render.tsx';
import { fyLabel } from './format.ts';

export interface ReturnConfirmPageProps {
  project: { no: string; name: string };
  fiscalYear: number;
  postAction: string;
  cancelUrl: string;
  csrf: string;
}

/** The confirmation of 差戻し: the project, the year, and the comment its department will read. */
export function ReturnConfirmPage(p: ReturnConfirmPageProps) {
  return (
    <>
      <h1>
        {fyLabel(p.fiscalYear)} の {p.project.no}. {p.project.name} を差し戻します
      </h1>
      <p>担当課の入力に戻し、やることの一覧の先頭にコメントとともに表示されます。</p>
      <form method="post" action={p.postAction}>
        <Csrf token={p.csrf} />
        <input type="hidden" name="fy" value={String(p.fiscalYear)} />
        <input type="hidden" name="action" value="return" />
        <input type="hidden" name="back" value="years" />
        <div class="field">
          <label for="comment">差戻しの理由（担当課に表示されます）</label>
          <textarea id="comment" name="comment" rows={3} required />
        </div>
        <div class="actions">
          <button type="submit" class="button">
            差し戻す
          </button>
          <a href={p.cancelUrl}>やめて戻る</a>
        </div>
      </form>
    </>
  );
}
