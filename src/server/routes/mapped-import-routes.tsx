import { readFile } from 'node:fs/promises';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireAdmin } from '../../app/auth/require-actor.ts';
import { importFile } from '../../app/import/import-file.ts';
import { previewImport } from '../../app/import/preview-import.ts';
import { suggestMappingForMunicipality } from '../../app/mapping/suggest-mapping-for-municipality.ts';
import { SouseiError } from '../../core/errors.ts';
import type { Actor } from '../../core/permissions.ts';
import { formatChange, formatFinding } from '../../i18n/format-finding.ts';
import { t } from '../../i18n/translate.ts';
import type { ServerEnv } from '../env.ts';
import { codeParam } from '../params.ts';
import { page } from '../render.tsx';
import { discardKeptUpload, findKeptUpload, keepUpload } from '../upload/kept-uploads.ts';
import { receiveUpload, type Upload } from '../upload/receive-upload.ts';
import { urls } from '../urls.ts';
import {
  type MappedImportForm,
  MappedImportPage,
  type MappedImportPageProps,
} from '../views/mapped-import-page.tsx';

type Shown = Partial<Pick<MappedImportPageProps, 'error' | 'questions' | 'preview' | 'written'>>;

async function render(
  c: Context<ServerEnv>,
  form: MappedImportForm,
  kept: MappedImportPageProps['kept'],
  shown: Shown,
  status = 200,
) {
  const code = codeParam(c);
  const municipality = await c.get('app').store.municipalities.find(code);
  if (!municipality) throw new SouseiError('not-found', 'plan.not-found', { detail: '' });
  const body = (
    <MappedImportPage
      action={urls.municipalityPage(code, 'import/mapped')}
      csrfToken={c.get('csrfToken')}
      form={form}
      kept={kept}
      error={shown.error ?? null}
      questions={shown.questions ?? null}
      preview={shown.preview ?? null}
      written={shown.written ?? null}
    />
  );
  return page(c, t('mapped.title'), body, { municipality, status });
}

/**
 * The guided mapped import (docs/mapping.md 「はじめての取り込み」): suggest a mapping, preview
 * what would be stored, import — every step through the app's one import use case.
 */
export function mappedImportRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/m/:code/import/mapped', (c) => {
    requireAdmin(c.get('actor'), codeParam(c));
    return render(c, { title: '', sheet: '', mapping: '' }, null, {});
  });
  app.post('/m/:code/import/mapped', async (c) => {
    const code = codeParam(c);
    const actor = requireAdmin(c.get('actor'), code);
    // Only now, for an administrator, is the body read: streamed to a temporary file.
    const upload = await receiveUpload(c, c.get('config').maxUploadBytes);
    try {
      return await step(c, actor, upload);
    } finally {
      await upload.dispose();
    }
  });
  return app;
}

async function step(c: Context<ServerEnv>, actor: Actor, upload: Upload) {
  const owner = { userId: actor.userId, municipalityCode: codeParam(c) };
  const mappingFile = upload.files.mappingFile;
  const form: MappedImportForm = {
    title: (upload.fields.title ?? '').trim(),
    sheet: (upload.fields.sheet ?? '').trim(),
    mapping:
      mappingFile && mappingFile.size > 0
        ? await readFile(mappingFile.path, 'utf8')
        : // Browsers send a textarea's line breaks as CRLF; give them back as typed.
          (upload.fields.mapping ?? '').replaceAll('\r\n', '\n'),
  };
  // A newly chosen file replaces the kept one; otherwise the kept one is read by its token.
  const file = upload.files.file;
  if (file && file.size > 0) {
    const previous = upload.fields.upload
      ? await findKeptUpload(owner, upload.fields.upload)
      : null;
    if (previous) await discardKeptUpload(previous.token);
    upload.fields.upload = await keepUpload(owner, file);
  }
  const kept = upload.fields.upload ? await findKeptUpload(owner, upload.fields.upload) : null;
  const shownKept = kept ? { token: kept.token, name: kept.name } : null;
  if (!kept) return render(c, form, null, { error: t('mapped.no-file') }, 422);
  const action = upload.fields.step ?? 'preview';
  try {
    if (action === 'suggest') {
      const s = await suggestMappingForMunicipality(c.get('app'), owner.municipalityCode, {
        path: kept.path,
        fileName: kept.name,
        sheet: form.sheet || undefined,
      });
      const questions = s.questions.map((q) => t(q.code, q.params));
      if (s.unused.length > 0)
        questions.push(t('suggest.unused', { columns: s.unused.join('、') }));
      if (!s.mapping) return render(c, form, shownKept, { error: questions.join(' ') }, 422);
      return render(c, { ...form, mapping: JSON.stringify(s.mapping, null, 2) }, shownKept, {
        questions,
      });
    }
    const mapping = parseMappingText(form.mapping);
    const input = {
      path: kept.path,
      fileName: kept.name,
      mapping,
      municipalityCode: owner.municipalityCode,
      title: form.title || undefined,
    };
    if (action !== 'import') {
      const preview = await previewImport(c.get('app'), input);
      const failed = preview.findings.some((f) => f.severity === 'error');
      return render(c, form, shownKept, { preview }, failed ? 422 : 200);
    }
    const r = await importFile(c.get('app'), input);
    if (!r.written) {
      const errors = r.findings.filter((f) => f.severity === 'error');
      const error = [
        t('import.invalid', { count: errors.length }),
        ...errors.map((f) => formatFinding(f)),
      ];
      return render(c, form, shownKept, { error: error.join('\n') }, 422);
    }
    await discardKeptUpload(kept.token);
    const written = [
      t('mapped.written', { projects: r.summary?.projects ?? 0 }),
      ...r.changes.map((ch) => formatChange(ch)),
      ...r.findings.map((f) => formatFinding(f)),
    ];
    return render(c, form, null, { written });
  } catch (error) {
    if (
      error instanceof SouseiError &&
      ['usage', 'invalid-input', 'conflict'].includes(error.code)
    ) {
      return render(c, form, shownKept, { error: t(error.messageKey, error.params) }, 422);
    }
    throw error;
  }
}

function parseMappingText(text: string): unknown {
  if (text.trim() === '') throw new SouseiError('usage', 'mapped.no-mapping');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SouseiError('invalid-input', 'mapped.not-json', {
      detail: e instanceof Error ? e.message : '',
    });
  }
}
