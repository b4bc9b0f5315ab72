import type { TextEncodingName } from './decode-text.ts';

/** Bytes read afresh from the file's start each time it is called (a file, or bytes). */
export type ChunkSource = () => AsyncIterable<Uint8Array>;

export interface StreamedEncoding {
  encoding: TextEncodingName;
  /** Bytes of the BOM to skip before decoding. */
  skip: number;
}

const LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  shift_jis: 'shift_jis',
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The encoding decodeText would choose for the same bytes, found while they stream past, never
 * holding them whole: UTF-16LE or UTF-8 after their BOM, else UTF-8 when the whole file decodes
 * as UTF-8, else Shift_JIS when it decodes as that. Null when the file is not clean text (bytes
 * neither decodes, or control characters): decodeText then names where, as before.
 */
export async function streamedEncoding(chunks: ChunkSource): Promise<StreamedEncoding | null> {
  const head = await firstBytes(chunks(), 3);
  if (head[0] === 0xff && head[1] === 0xfe) return clean(chunks, 'utf-16le', 2);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return clean(chunks, 'utf-8-bom', 3);
  }
  const utf8 = await decodes(chunks, 'utf-8', 0);
  // Bytes that decode as UTF-8 are UTF-8, control characters or not (decodeText's rule).
  if (utf8 !== 'undecodable') return utf8 === 'clean' ? { encoding: 'utf-8', skip: 0 } : null;
  return clean(chunks, 'shift_jis', 0);
}

async function clean(
  chunks: ChunkSource,
  encoding: TextEncodingName,
  skip: number,
): Promise<StreamedEncoding | null> {
  return (await decodes(chunks, encoding, skip)) === 'clean' ? { encoding, skip } : null;
}

/** Decodes the whole stream (fatal): clean text, text with control characters, or not text. */
async function decodes(
  chunks: ChunkSource,
  encoding: TextEncodingName,
  skip: number,
): Promise<'clean' | 'control' | 'undecodable'> {
  let control = false;
  try {
    for await (const text of decodedChunks(chunks(), { encoding, skip })) {
      control ||= CONTROL.test(text);
    }
  } catch (e) {
    if (e instanceof TypeError) return 'undecodable';
    throw e;
  }
  return control ? 'control' : 'clean';
}

/**
 * The stream's text, chunk by chunk: a character cut between two chunks (a Shift_JIS or UTF-8
 * multi-byte one) is decoded whole with the next chunk. Throws a TypeError on bytes that are not
 * of the encoding.
 */
export async function* decodedChunks(
  chunks: AsyncIterable<Uint8Array>,
  { encoding, skip }: StreamedEncoding,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(LABELS[encoding], { fatal: true, ignoreBOM: true });
  let toSkip = skip;
  for await (const chunk of chunks) {
    const bytes = toSkip > 0 ? chunk.subarray(Math.min(toSkip, chunk.length)) : chunk;
    toSkip = Math.max(0, toSkip - chunk.length);
    const text = decoder.decode(bytes, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

async function firstBytes(chunks: AsyncIterable<Uint8Array>, count: number): Promise<Uint8Array> {
  const head: number[] = [];
  for await (const chunk of chunks) {
    for (const byte of chunk.subarray(0, count - head.length)) head.push(byte);
    if (head.length >= count) break;
  }
  return Uint8Array.from(head);
}
