import type { Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { type InputLimit, inputLimitError, limitValue } from '../../core/input-limits.ts';
import {
  type BytesOrSource,
  openRandomAccess,
  type RandomAccessReader,
  toSource,
} from '../byte-source.ts';

/**
 * Refuses a workbook (a zip archive) that would inflate past a bound, before exceljs inflates
 * it: the central directory's stated sizes are summed first (cheap), then every entry is
 * inflated as a stream into nothing, its bytes counted, and the count stops at the bound. The
 * archive is read by random access (the end record, the directory, each entry's data in 64 KB
 * chunks), so a file on disk is never held whole, and a zip bomb is refused after inflating at
 * most `bound` bytes in 16 KB chunks, never held. An entry inflating past the size it states is
 * a damaged or hostile archive. Anything that is not a readable zip is left to exceljs, whose
 * error the readers already report as unreadable.
 */
export async function guardZip(
  input: BytesOrSource,
  limit: Extract<InputLimit, 'xlsx-size' | 'xlsx-loaded-size'>,
  file: string | undefined,
): Promise<void> {
  const reader = await openRandomAccess(toSource(input));
  try {
    await guardArchive(reader, limit, file);
  } finally {
    await reader.close();
  }
}

/** The guard over any random-access reader (a file handle, bytes in memory). */
export async function guardArchive(
  reader: RandomAccessReader,
  limit: Extract<InputLimit, 'xlsx-size' | 'xlsx-loaded-size'>,
  file: string | undefined,
): Promise<void> {
  const archive = new Window(reader);
  const bound = limitValue(limit);
  const entries = await centralDirectory(archive);
  if (entries === null) return;
  if (entries === 'zip64' || entries.reduce((n, e) => n + e.size, 0) > bound) {
    throw inputLimitError(limit, { file });
  }
  if (entries.length > limitValue('xlsx-entries')) {
    throw inputLimitError('xlsx-entries', { file });
  }
  let total = 0;
  for (const entry of entries) {
    const start = await entryStart(archive, entry);
    if (start === null) return;
    const size =
      entry.method === 8
        ? await inflatedSize(archive.reader, start, entry.compressedSize, bound - total)
        : entry.compressedSize;
    total += size;
    if (total > bound) throw inputLimitError(limit, { file });
    if (size > entry.size) throw new Error(`zip entry inflates past its stated size`);
  }
}

interface Entry {
  method: number;
  compressedSize: number;
  /** The inflated size the archive states. */
  size: number;
  localOffset: number;
}

const CHUNK = 64 * 1024;

/** Reads the archive's small structures through one cached 64 KB window. */
class Window {
  private at = 0;
  private bytes: Uint8Array = new Uint8Array();

  constructor(readonly reader: RandomAccessReader) {}

  /** `length` bytes at `offset` (fewer past the end), as a view valid until the next call. */
  async get(offset: number, length: number): Promise<Uint8Array> {
    const end = offset + length;
    if (offset < this.at || end > this.at + this.bytes.length) {
      const available = Math.min(this.reader.size, Math.max(end, offset + CHUNK)) - offset;
      this.at = offset;
      this.bytes = await this.reader.read(offset, Math.max(0, available));
    }
    return this.bytes.subarray(offset - this.at, end - this.at);
  }
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The archive's entries, 'zip64' for an archive too large to state sizes in 32 bits. */
async function centralDirectory(archive: Window): Promise<Entry[] | 'zip64' | null> {
  // The end record is in the last 22 + 65,535 (comment) bytes.
  const size = archive.reader.size;
  const tailStart = Math.max(0, size - 22 - 0xffff);
  const tail = (await archive.get(tailStart, size - tailStart)).slice();
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) return null;
  const count = u16(tail, end + 10);
  const offset = u32(tail, end + 16);
  if (count === 0xffff || offset === 0xffffffff) return 'zip64';
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    const header = await archive.get(at, 46);
    if (u32(header, 0) !== 0x02014b50) return null;
    const entry = {
      method: u16(header, 10),
      compressedSize: u32(header, 20),
      size: u32(header, 24),
      localOffset: u32(header, 42),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) return 'zip64';
    entries.push(entry);
    at += 46 + u16(header, 28) + u16(header, 30) + u16(header, 32);
  }
  return entries;
}

/** Where an entry's data starts, or null when its local header is not where it says. */
async function entryStart(archive: Window, entry: Entry): Promise<number | null> {
  const at = entry.localOffset;
  const header = await archive.get(at, 30);
  if (u32(header, 0) !== 0x04034b50) return null;
  const start = at + 30 + u16(header, 26) + u16(header, 28);
  if (start + entry.compressedSize > archive.reader.size) return null;
  return start;
}

/**
 * Inflates an entry's raw deflate data into nothing, read from the archive in 64 KB chunks,
 * counting; stops once the count passes `budget`.
 */
async function inflatedSize(
  reader: RandomAccessReader,
  start: number,
  length: number,
  budget: number,
): Promise<number> {
  const inflate = createInflateRaw();
  const feed = async () => {
    for (let at = 0; at < length && !inflate.destroyed; at += CHUNK) {
      const chunk = await reader.read(start + at, Math.min(CHUNK, length - at));
      // Counted past the budget while this piece was read: nothing more to feed.
      if (inflate.destroyed) return;
      if (!inflate.write(chunk)) {
        await drainedOrClosed(inflate);
      }
    }
    if (!inflate.destroyed) inflate.end();
  };
  feed().catch((e: unknown) => inflate.destroy(e instanceof Error ? e : new Error(String(e))));
  let size = 0;
  try {
    for await (const chunk of inflate) {
      size += (chunk as Buffer).length;
      if (size > budget) break;
    }
  } catch {
    // Damaged data: exceljs reports the file as unreadable.
  } finally {
    inflate.destroy();
  }
  return size;
}

/** Waits until the inflater takes more input, or is gone; leaves no listener behind. */
function drainedOrClosed(inflate: Transform): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      inflate.off('drain', done);
      inflate.off('close', done);
      resolve();
    };
    inflate.on('drain', done);
    inflate.on('close', done);
  });
}
