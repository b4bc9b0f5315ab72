import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'hono';
import { SouseiError } from '../../core/errors.ts';
import type { ServerEnv } from '../env.ts';
import { csrfMatches } from '../middleware/csrf.ts';
import {
  MalformedMultipart,
  multipartBoundary,
  type PartSink,
  readMultipart,
} from './multipart-stream.ts';

export interface UploadedFile {
  /** Where the bytes are, in a temporary folder removed by `dispose`. */
  path: string;
  /** The name the browser gave (display only; never used as a path). */
  name: string;
  size: number;
}

export interface Upload {
  fields: Record<string, string>;
  files: Record<string, UploadedFile>;
  /** Removes the temporary files; call it whatever happens. */
  dispose(): Promise<void>;
}

/** A text field longer than this is not a form field. */
const MAX_FIELD_BYTES = 64 * 1024;

function fieldSink(name: string, fields: Record<string, string>): PartSink {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    write(chunk) {
      size += chunk.length;
      if (size > MAX_FIELD_BYTES) throw new MalformedMultipart(`欄「${name}」が長すぎます`);
      chunks.push(Buffer.from(chunk));
    },
    end() {
      fields[name] = Buffer.concat(chunks).toString('utf8');
    },
  };
}

function fileSink(path: string, onEnd: (size: number) => void): PartSink {
  const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  let size = 0;
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  return {
    async write(chunk) {
      size += chunk.length;
      // Honour backpressure: the disk, not memory, absorbs a fast client.
      if (!out.write(chunk)) {
        await Promise.race([
          new Promise<void>((resolve) => out.once('drain', () => resolve())),
          failed,
        ]);
      }
    },
    async end() {
      await Promise.race([new Promise<void>((resolve) => out.end(() => resolve())), failed]);
      onEnd(size);
    },
  };
}

/**
 * Receives a multipart upload (the import form) streaming each file to a temporary file, at
 * most `maxBytes` in all. The CSRF middleware leaves such uploads to this reader: the form's
 * `_csrf` field comes first (or the X-CSRF-Token header), and no file is written before it
 * matched. Over the limit → BodyTooLarge (413); not multipart → `upload.malformed` (400).
 */
export async function receiveUpload(c: Context<ServerEnv>, maxBytes: number): Promise<Upload> {
  const boundary = multipartBoundary(c.req.header('content-type'));
  const body = c.req.raw.body;
  if (!boundary || !body) {
    throw new SouseiError('usage', 'upload.malformed', {
      detail: 'multipart/form-data ではありません',
    });
  }
  const expected = c.get('csrfToken');
  let csrfOk = csrfMatches(c.req.header('x-csrf-token') ?? '', expected);
  const dir = await mkdtemp(join(tmpdir(), 'sousei-upload-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  const files: Record<string, UploadedFile> = {};
  let count = 0;
  try {
    await readMultipart(
      body,
      boundary,
      (part) => {
        if (part.filename === null) {
          const sink = fieldSink(part.name, fields);
          if (part.name !== '_csrf') return sink;
          return {
            write: sink.write,
            end() {
              sink.end();
              csrfOk ||= csrfMatches(fields._csrf ?? '', expected);
            },
          };
        }
        if (!csrfOk) throw new SouseiError('forbidden', 'csrf.invalid');
        const path = join(dir, `part-${++count}`);
        const name = part.filename;
        return fileSink(path, (size) => {
          files[part.name] = { path, name, size };
        });
      },
      { maxBytes },
    );
    if (!csrfOk) throw new SouseiError('forbidden', 'csrf.invalid');
    return { fields, files, dispose };
  } catch (error) {
    await dispose();
    if (error instanceof MalformedMultipart) {
      throw new SouseiError('usage', 'upload.malformed', { detail: error.message });
    }
    throw error;
  }
}
