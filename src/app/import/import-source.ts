import { createHash } from 'node:crypto';
import type { Finding } from '../../core/finding.ts';
import { inputLimitError, limitValue } from '../../core/input-limits.ts';
import {
  type ByteSource,
  readSourceWhole,
  sourceHead,
  sourceSize,
  sourceStream,
  splitSource,
} from '../../formats/byte-source.ts';
import { type DecodedText, decodeText } from '../../formats/decode-text.ts';
import { decodedChunks, streamedEncoding } from '../../formats/decode-text-stream.ts';

/**
 * An import's file: `{ path }` (the web upload's temporary file, the CLI's argument: read in
 * chunks by the readers, never held whole) or `{ bytes }` (tests, files made in memory). The
 * helpers (size, first bytes, stream, random access) are in formats/byte-source.ts.
 */
export type ImportSource = ByteSource;

/** The source of an import's input, which carries `path` or `bytes` among its options. */
export function sourceOf(input: ImportSource): ImportSource {
  const split = splitSource(input);
  return split.path === undefined ? { bytes: split.bytes } : { path: split.path };
}

/** The file's SHA-256 (the import run's record), hashed as it streams. */
export async function sourceSha256(source: ImportSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of sourceStream(source)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * A text file (TSV, CSV, JSON) decoded whole: its parse has no streaming form (the table
 * parsers and JSON.parse take a string), so the file's size (stat) is checked against
 * INPUT_LIMITS.textBytes before a byte is read, and over it the file is refused unread.
 */
export async function readTextSource(source: ImportSource, file: string): Promise<DecodedText> {
  if ((await sourceSize(source)) > limitValue('text-size')) {
    throw inputLimitError('text-size', { file });
  }
  return decodeText(await readSourceWhole(source), file);
}

/**
 * A text file (a mapped CSV) decoded as it streams, never held whole and so not bounded by
 * INPUT_LIMITS.textBytes: a first pass finds the encoding as decodeText would (UTF-8 with or
 * without BOM, UTF-16LE, Shift_JIS), the second decodes chunk by chunk. A file that is not clean
 * text is decoded whole, under that bound, for decodeText's finding naming where it breaks.
 * `onProgress` gets the bytes read so far by the second pass and the file's size.
 */
export async function streamTextSource(
  source: ImportSource,
  file: string,
  onProgress?: (read: number, total: number) => void,
): Promise<{ ok: true; text: AsyncIterable<string> | string[] } | { ok: false; finding: Finding }> {
  const chunks = () => sourceStream(source) as AsyncIterable<Uint8Array>;
  const encoding = await streamedEncoding(chunks);
  if (encoding) {
    const total = await sourceSize(source);
    const counted = sourceStream(source, (read) => onProgress?.(read, total));
    return { ok: true, text: decodedChunks(counted, encoding) };
  }
  const decoded = await readTextSource(source, file);
  return decoded.ok ? { ok: true, text: [decoded.text] } : decoded;
}

/** True when the file starts as a zip archive (an xlsx workbook): PK\x03\x04. */
export async function isZip(source: ImportSource): Promise<boolean> {
  const head = await sourceHead(source, 4);
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
