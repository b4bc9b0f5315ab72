import { readFile } from 'node:fs/promises';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireAdmin } from '../../app/auth/require-actor.ts';
import { importFile } from '../../app/import/import-file.ts';
import { SouseiError } from '../../core/errors.ts';
import type { Finding } from '../../core/finding.ts';
import type { PlanChange } from '../../core/plan-diff.ts';
import { formatChange, formatFinding } from '../../i18n/format-finding.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { codeParam } from '../params.ts';
import { Csrf, page } from '../render.tsx';
import { receiveUpload, type Upload, type UploadedFile } from '../upload/receive-upload.ts';
import { urls } from '../urls.ts';

interface Outcome {
  written: boolean;
  dryRun: boolean;
  summary: string | null;
  findings: Finding[];
  checks: Finding[];
  changes: PlanChange[];
}

/**
 * Imports for the planning division in the browser: a progress table (TSV, Excel) or a plan's
 * JSON, or any workbook/CSV with its column mapping. 「確認だけ」 (a dry run) is the default:
 * it shows what would change and every problem before anything is written. A large upload shows
 * its progress when JavaScript is on (app.js); without it the form simply posts.
 */
async function render(
  c: Context<ServerEnv>,
  typed: { title: string; dryRun: boolean },
  outcome: Outcome | null,
  error: string | null,
) {
  const code = codeParam(c);
  const ctx = c.get('app');
  const plans = await ctx.store.plans.list(code);
  const municipality = await ctx.store.municipalities.find(code);
  if (!municipality) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  const errors = outcome?.findings.filter((f) => f.severity === 'error') ?? [];
  return page(
    c,
    '取り込み',
    <>
      <h1>取り込み</h1>
      {error ? (
        <div class="error-summary" role="alert">
          <h2>取り込めませんでした</h2>
          <p>{error}</p>
        </div>
      ) : null}
      {outcome ? (
        <section
          aria-labelledby="result-heading"
          class={errors.length > 0 ? 'error-summary' : 'notice'}
          role={errors.length > 0 ? 'alert' : 'status'}
        >
          <h2 id="result-heading">
            {errors.length > 0
              ? t('import.invalid', { count: errors.length })
              : outcome.written
                ? '取り込みました'
                : '確認しました（まだ書き込んでいません）'}
          </h2>
          {outcome.summary ? <p>{outcome.summary}</p> : null}
          {outcome.findings.length > 0 ? (
            <ul>
              {outcome.findings.map((f) => (
                <li>{formatFinding(f)}</li>
              ))}
            </ul>
          ) : null}
          {errors.length === 0 ? (
            <>
              <h3>変更点</h3>
              <ul>
                {outcome.changes.length === 0 ? (
                  <li>{t('change.none')}</li>
                ) : (
                  outcome.changes.map((ch) => <li>{formatChange(ch)}</li>)
                )}
              </ul>
              {outcome.checks.length > 0 ? (
                <>
                  <h3>検査結果（取り込みは妨げません）</h3>
                  <ul>
                    {outcome.checks.map((f) => (
                      <li>{formatFinding(f)}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {!outcome.written ? (
                <p>
                  よければ、同じファイルを選び直し、「確認だけ」を外して「取り込む」を押してください。
                </p>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
      <form
        method="post"
        action={urls.municipalityPage(code, 'import')}
        enctype="multipart/form-data"
        data-upload
      >
        <Csrf token={c.get('csrfToken')} />
        <div class="field">
          <label for="file">ファイル</label>
          <span class="hint" id="file-hint">
            進捗状況表（.tsv・.txt・.xlsx）、計画の JSON、Sousei の plan.csv、または下の対応表で読む
            Excel・CSV
          </span>
          <input id="file" name="file" type="file" aria-describedby="file-hint" required />
        </div>
        <div class="field">
          <label for="title">計画名</label>
          <span class="hint" id="title-hint">
            既存の計画を更新するときはその名前（
            {plans.map((p) => p.title).join('、') || 'まだありません'}）。Sousei
            が書き出したファイルなら空欄でよく、ファイルにある計画名を使います
          </span>
          <input
            id="title"
            name="title"
            type="text"
            value={typed.title}
            list="plan-titles"
            aria-describedby="title-hint"
          />
          <datalist id="plan-titles">
            {plans.map((p) => (
              <option value={p.title} />
            ))}
          </datalist>
        </div>
        <div class="field">
          <label for="mapping">列の対応表（任意、JSON）</label>
          <span class="hint" id="mapping-hint">
            他の様式の Excel・CSV を読むときの対応表（<a href={urls.doc('mapping')}>対応表の説明</a>
            ）。対応表を提案し、保存される形を確かめてから取り込むには{' '}
            <a href={urls.municipalityPage(code, 'import/mapped')}>対応表で取り込む</a>
          </span>
          <input
            id="mapping"
            name="mapping"
            type="file"
            accept=".json,application/json"
            aria-describedby="mapping-hint"
          />
        </div>
        <div class="field">
          <label>
            <input type="checkbox" name="dryRun" value="1" checked={typed.dryRun} />{' '}
            確認だけ（書き込まない）
          </label>
        </div>
        <progress class="upload-progress" max={100} value={0} hidden />
        <button type="submit" class="button">
          取り込む
        </button>
      </form>
    </>,
    { municipality, status: error || errors.length > 0 ? 422 : 200 },
  );
}

/** A column mapping is a few KB of JSON; a larger upload in its place is not one. */
const MAX_MAPPING_BYTES = 1024 * 1024;

/** The uploaded column mapping (JSON); a file that is not JSON is refused with its reason. */
async function readMapping(file: UploadedFile): Promise<unknown> {
  if (file.size > MAX_MAPPING_BYTES) {
    throw new SouseiError('invalid-input', 'mapping.invalid', {
      path: file.name,
      detail: `${MAX_MAPPING_BYTES} バイトを超えています`,
    });
  }
  try {
    return JSON.parse(await readFile(file.path, 'utf8'));
  } catch (e) {
    throw new SouseiError('invalid-input', 'mapping.invalid', {
      path: file.name,
      detail: e instanceof Error ? e.message : '',
    });
  }
}

export function importRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/m/:code/import', (c) => {
    requireAdmin(c.get('actor'), codeParam(c));
    return render(c, { title: '', dryRun: true }, null, null);
  });
  app.post('/m/:code/import', async (c) => {
    const code = codeParam(c);
    requireAdmin(c.get('actor'), code);
    // Only now, for an administrator, is the body read: streamed to a temporary file.
    const upload = await receiveUpload(c, c.get('config').maxUploadBytes);
    try {
      return await importUpload(c, code, upload);
    } finally {
      await upload.dispose();
    }
  });
  return app;
}

async function importUpload(c: Context<ServerEnv>, code: string, upload: Upload) {
  const file = upload.files.file;
  const mappingFile = upload.files.mapping;
  const typed = {
    title: (upload.fields.title ?? '').trim(),
    dryRun: upload.fields.dryRun === '1',
  };
  if (!file || file.size === 0) return render(c, typed, null, 'ファイルを選んでください');
  // The importers read the temporary file themselves (an xlsx in chunks, a text file after its
  // size passed their bound): the upload is never held in memory whole.
  const ctx = c.get('app');
  try {
    const mapping =
      mappingFile && mappingFile.size > 0 ? await readMapping(mappingFile) : undefined;
    const r = await importFile(ctx, {
      path: file.path,
      fileName: file.name,
      mapping,
      municipalityCode: code,
      title: typed.title || undefined,
      dryRun: typed.dryRun,
    });
    const s = r.summary;
    const summary = s
      ? `行 ${s.rows}（読み飛ばし ${s.skippedRows}）→ 事業 ${s.projects}、階層 ${s.nodes.join('・')}、年度別の金額 ${s.financeYears}、指標 ${s.indicators}（実績 ${s.actuals}）、評価 ${s.evaluations}、タグ ${s.tags}、文章の取組・結果 ${s.texts}、財源・コストの内訳 ${s.financeDetails}`
      : r.plan
        ? `「${r.plan.plan.title}」${r.fiscalYears.join('・')} 年度`
        : null;
    return render(
      c,
      typed,
      {
        written: r.written,
        dryRun: typed.dryRun,
        summary,
        findings: r.findings,
        checks: r.checks,
        changes: r.changes,
      },
      null,
    );
  } catch (error) {
    if (
      error instanceof SouseiError &&
      ['usage', 'invalid-input', 'conflict'].includes(error.code)
    ) {
      return render(c, typed, null, t(error.messageKey, error.params));
    }
    throw error;
  }
}
