/**
 * A streaming reader of multipart/form-data (RFC 7578): parts are handed to sinks chunk by chunk
 * as they arrive, so an upload is never held whole in memory. Only the unmatched tail of the
 * delimiter (or one part's headers) is kept between chunks.
 */

export interface PartInfo {
  name: string;
  /** Set for a file part (possibly ''), null for a plain field. */
  filename: string | null;
}

export interface PartSink {
  write(chunk: Uint8Array): Promise<void> | void;
  end(): Promise<void> | void;
}

export interface MultipartLimits {
  /** The whole body, in bytes; more ends the read with BodyTooLarge. */
  maxBytes: number;
  maxParts?: number;
  maxHeaderBytes?: number;
}

/** The body grew past its limit while streaming. */
export class BodyTooLarge extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`body larger than ${limit} bytes`);
    this.name = 'BodyTooLarge';
    this.limit = limit;
  }
}

/** The body is not the multipart form it claims to be. */
export class MalformedMultipart extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'MalformedMultipart';
  }
}

/** The boundary of a multipart/form-data Content-Type, or null when it is something else. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!/^\s*multipart\/form-data\s*;/i.test(contentType ?? '')) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType ?? '');
  return m?.[1] ?? m?.[2] ?? null;
}

function partInfo(headerText: string): PartInfo {
  const disposition = headerText
    .split('\r\n')
    .find((line) => /^content-disposition\s*:/i.test(line));
  if (!disposition || !/:\s*form-data/i.test(disposition)) {
    throw new MalformedMultipart('Content-Disposition: form-data がない部分があります');
  }
  const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw new MalformedMultipart('名前のない部分があります');
  const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
  return { name, filename };
}

type State = 'preamble' | 'after-boundary' | 'headers' | 'body' | 'done';

export async function readMultipart(
  body: AsyncIterable<Uint8Array>,
  boundary: string,
  onPart: (info: PartInfo) => Promise<PartSink> | PartSink,
  limits: MultipartLimits,
): Promise<void> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const headerEnd = Buffer.from('\r\n\r\n');
  const maxParts = limits.maxParts ?? 20;
  const maxHeaderBytes = limits.maxHeaderBytes ?? 8 * 1024;
  // A leading CRLF lets the first boundary (at the very start) match the same delimiter.
  let pending: Buffer = Buffer.from('\r\n');
  let state = 'preamble' as State;
  let sink: PartSink | null = null;
  let parts = 0;
  let total = 0;

  /** Consumes what `pending` allows; returns when it needs more bytes. */
  const advance = async () => {
    for (;;) {
      if (state === 'done') return;
      if (state === 'preamble' || state === 'body') {
        const at = pending.indexOf(delimiter);
        if (at === -1) {
          // Keep only what could still be the start of a delimiter.
          const safe = pending.length - (delimiter.length - 1);
          if (safe > 0) {
            if (sink) await sink.write(pending.subarray(0, safe));
            pending = pending.subarray(safe);
          }
          return;
        }
        if (sink) {
          if (at > 0) await sink.write(pending.subarray(0, at));
          await sink.end();
          sink = null;
        }
        pending = pending.subarray(at + delimiter.length);
        state = 'after-boundary';
      } else if (state === 'after-boundary') {
        if (pending.length < 2) return;
        const next = pending.subarray(0, 2).toString('latin1');
        if (next === '--') {
          state = 'done';
          return;
        }
        if (next !== '\r\n') throw new MalformedMultipart('区切りの後に改行がありません');
        pending = pending.subarray(2);
        state = 'headers';
      } else {
        const at = pending.indexOf(headerEnd);
        if (at === -1) {
          if (pending.length > maxHeaderBytes) throw new MalformedMultipart('見出しが長すぎます');
          return;
        }
        if (++parts > maxParts) throw new MalformedMultipart('部分が多すぎます');
        sink = await onPart(partInfo(pending.subarray(0, at).toString('utf8')));
        pending = pending.subarray(at + headerEnd.length);
        state = 'body';
      }
    }
  };

  for await (const chunk of body) {
    total += chunk.length;
    if (total > limits.maxBytes) throw new BodyTooLarge(limits.maxBytes);
    if (state === 'done') continue; // the epilogue is ignored (but still counted)
    pending =
      pending.length > 0
        ? Buffer.concat([pending, chunk])
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    await advance();
  }
  if (state !== 'done') throw new MalformedMultipart('内容が途中で切れています');
}
