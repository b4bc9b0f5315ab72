import type { ImportPreview } from '../../app/import/preview-import.ts';
import { t } from '../../i18n/translate.ts';
import { Csrf } from '../render.tsx';
import { urls } from '../urls.ts';
import { ImportPreviewView } from './import-preview.tsx';

export interface MappedImportForm {
  title: string;
  sheet: string;
  /** The mapping as typed, pasted, uploaded or suggested: always given back as it was. */
  mapping: string;
}

export interface MappedImportPageProps {
  action: string;
  csrfToken: string;
  form: MappedImportForm;
  kept: { token: string; name: string } | null;
  error: string | null;
  /** After 「対応表を提案」: every question, and the columns not read. */
  questions: string[] | null;
  preview: ImportPreview | null;
  /** After 取り込む: what was written. */
  written: string[] | null;
}

/**
 * The guided mapped import: choose the file, press 「対応表を提案」 (or paste or upload a
 * mapping), 「確認する」 to see what would be stored, then 取り込む. Works without JavaScript;
 * the chosen file is kept on the server by a token, so a refused form keeps everything.
 */
export function MappedImportPage(props: MappedImportPageProps) {
  const { form, kept } = props;
  return (
    <>
      <h1>{t('mapped.title')}</h1>
      <ol>
        <li>取り込む Excel・CSV を選び、「対応表を提案」を押します。</li>
        <li>「確かめること」を読み、必要なら対応表（JSON）を直します。</li>
        <li>
          「確認する」で、保存される形（体系・金額・指標）と問題をすべて見ます。まだ何も書き込みません。
        </li>
        <li>よければ「取り込む」を押します。問題が一つでもあれば何も書き込みません。</li>
      </ol>
      {props.error ? (
        <div class="error-summary" role="alert">
          <h2>取り込めませんでした</h2>
          {props.error.split('\n').map((line) => (
            <p>{line}</p>
          ))}
        </div>
      ) : null}
      {props.written ? (
        <section class="notice" role="status" aria-labelledby="written-heading">
          <h2 id="written-heading">{props.written[0]}</h2>
          <ul>
            {props.written.slice(1).map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.questions ? (
        <section class="notice notice--warning" aria-labelledby="questions-heading">
          <h2 id="questions-heading">{t('mapped.suggested', { count: props.questions.length })}</h2>
          <ul>
            {props.questions.map((q) => (
              <li>{q}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.preview ? <ImportPreviewView preview={props.preview} /> : null}
      <form method="post" action={props.action} enctype="multipart/form-data" data-upload>
        <Csrf token={props.csrfToken} />
        {kept ? <input type="hidden" name="upload" value={kept.token} /> : null}
        <div class="field">
          <label for="file">ファイル（Excel・CSV）</label>
          <span class="hint" id="file-hint">
            {kept ? t('mapped.kept', { name: kept.name }) : '1行に1事業の集計表'}
          </span>
          <input id="file" name="file" type="file" aria-describedby="file-hint" required={!kept} />
        </div>
        <div class="field">
          <label for="sheet">シート（任意）</label>
          <span class="hint" id="sheet-hint">
            シート名か、1から数えた順番。空なら表のあるシートを探します
          </span>
          <input
            id="sheet"
            name="sheet"
            type="text"
            value={form.sheet}
            aria-describedby="sheet-hint"
          />
        </div>
        <div class="field">
          <label for="title">計画名</label>
          <span class="hint" id="title-hint">
            空なら対応表の plan.title
          </span>
          <input
            id="title"
            name="title"
            type="text"
            value={form.title}
            aria-describedby="title-hint"
          />
        </div>
        <div class="field">
          <label for="mapping">列の対応表（JSON）</label>
          <span class="hint" id="mapping-hint">
            「対応表を提案」で入ります。貼り付けても、下でファイルを選んでも構いません（
            <a href={urls.doc('mapping')}>対応表の説明</a>）
          </span>
          <textarea id="mapping" name="mapping" rows={18} aria-describedby="mapping-hint">
            {form.mapping}
          </textarea>
        </div>
        <div class="field">
          <label for="mappingFile">対応表のファイル（任意、選ぶと上の欄より優先）</label>
          <input id="mappingFile" name="mappingFile" type="file" accept=".json,application/json" />
        </div>
        <progress class="upload-progress" max={100} value={0} hidden />
        {/* Named "step", not "action": a control named action would hide form.action from
            scripts (app.js posts uploads to form.action). */}
        <div class="actions">
          <button type="submit" name="step" value="suggest" class="button button--secondary">
            対応表を提案
          </button>{' '}
          <button type="submit" name="step" value="preview" class="button button--secondary">
            確認する（書き込まない）
          </button>{' '}
          <button type="submit" name="step" value="import" class="button">
            取り込む
          </button>
        </div>
      </form>
    </>
  );
}
