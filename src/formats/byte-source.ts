import { createReadStream } from 'node:fs';
import { type FileHandle, open, readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

/**
 * Where an imported file's bytes are: a file on disk (the web upload's temporary file, the CLI's
 * argument), read in chunks and never held whole, or bytes already in memory (tests, generated
 * files). Every reader takes either, through the helpers below.
 */
export type ByteSource = { path: string } | { bytes: Uint8Array };

/** A reader's input as callers give it: bytes, or a source. */
export type BytesOrSource = Uint8Array | ByteSource;

export const toSource = (input: BytesOrSource): ByteSource =>
  input instanceof Uint8Array ? { bytes: input } : input;

type Split = { path: string; bytes?: undefined } | { bytes: Uint8Array; path?: undefined };

/** The source's one kind; an object carrying both (a spread of options) is its file. */
export function splitSource(source: ByteSource): Split {
  if ('path' in source && typeof source.path === 'string') return { path: source.path };
  if ('bytes' in source && source.bytes instanceof Uint8Array) return { bytes: source.bytes };
  throw new TypeError('an import source needs a path or bytes');
}

const CHUNK = 64 * 1024;

/** The source's size in bytes (a file's from stat, nothing read). */
export async function sourceSize(whole: ByteSource): Promise<number> {
  const source = splitSource(whole);
  return source.path === undefined ? source.bytes.length : (await stat(source.path)).size;
}

/** The first `count` bytes (fewer for a shorter file), for recognising the format. */
export async function sourceHead(whole: ByteSource, count: number): Promise<Uint8Array> {
  const source = splitSource(whole);
  if (source.path === undefined) return source.bytes.subarray(0, count);
  const file = await open(source.path, 'r');
  try {
    const buffer = new Uint8Array(count);
    const { bytesRead } = await file.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * The source as a stream of chunks of at most 64 KB; `onChunk` gets the bytes read so far after
 * each (a progress bar's measure).
 */
export function sourceStream(whole: ByteSource, onChunk?: (read: number) => void): Readable {
  const source = splitSource(whole);
  let read = 0;
  const counted = (chunk: Uint8Array) => {
    read += chunk.length;
    onChunk?.(read);
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
  };
  if (source.path !== undefined) {
    const file = createReadStream(source.path, { highWaterMark: CHUNK });
    return Readable.from(
      (async function* () {
        for await (const chunk of file) yield counted(chunk as Buffer);
      })(),
    );
  }
  const bytes = source.bytes;
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += CHUNK) {
        yield counted(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)));
      }
    })(),
  );
}

/**
 * The whole source in memory. Only for readers whose parse is whole by nature (JSON, CSV/TSV
 * text, exceljs's `load`), and only after they checked `sourceSize` against their bound.
 */
export async function readSourceWhole(whole: ByteSource): Promise<Uint8Array> {
  const source = splitSource(whole);
  return source.path === undefined ? source.bytes : new Uint8Array(await readFile(source.path));
}

/** Reads at any offset: a zip's end record and directory are read without the rest. */
export interface RandomAccessReader {
  readonly size: number;
  /** Up to `length` bytes at `offset` (fewer at the end of the source). */
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function openRandomAccess(whole: ByteSource): Promise<RandomAccessReader> {
  const source = splitSource(whole);
  if (source.path === undefined) {
    const bytes = source.bytes;
    return {
      size: bytes.length,
      read: async (offset, length) =>
        bytes.subarray(Math.max(0, offset), Math.max(0, Math.min(bytes.length, offset + length))),
      close: async () => {},
    };
  }
  const file: FileHandle = await open(source.path, 'r');
  const size = (await file.stat()).size;
  return {
    size,
    async read(offset, length) {
      const start = Math.max(0, offset);
      const count = Math.max(0, Math.min(size, start + length) - start);
      const buffer = new Uint8Array(count);
      const { bytesRead } = await file.read(buffer, 0, count, start);
      return buffer.subarray(0, bytesRead);
    },
    close: () => file.close(),
  };
}
