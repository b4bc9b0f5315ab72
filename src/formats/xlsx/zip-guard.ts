import { createInflateRaw } from 'node:zlib';
import { type InputLimit, inputLimitError, limitValue } from '../../core/input-limits.ts';

/**
 * Refuses a workbook (a zip archive) that would inflate past a bound, before exceljs inflates
 * it: the central directory's stated sizes are summed first (cheap), then every entry is
 * inflated as a stream into nothing, its bytes counted, and the count stops at the bound. A zip
 * bomb is refused after inflating at most `bound` bytes in 16 KB chunks, never held whole; an
 * entry inflating past the size it states is a damaged or hostile archive. Anything that is not
 * a readable zip is left to exceljs, whose error the readers already report as unreadable.
 */
export async function guardZip(
  bytes: Uint8Array,
  limit: Extract<InputLimit, 'xlsx-size' | 'xlsx-loaded-size'>,
  file: string | undefined,
): Promise<void> {
  const bound = limitValue(limit);
  const entries = centralDirectory(bytes);
  if (entries === null) return;
  if (entries === 'zip64' || entries.reduce((n, e) => n + e.size, 0) > bound) {
    throw inputLimitError(limit, { file });
  }
  if (entries.length > limitValue('xlsx-entries')) {
    throw inputLimitError('xlsx-entries', { file });
  }
  let total = 0;
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    if (data === null) return;
    const size = entry.method === 8 ? await inflatedSize(data, bound - total) : data.length;
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

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The archive's entries, 'zip64' for an archive too large to state sizes in 32 bits. */
function centralDirectory(bytes: Uint8Array): Entry[] | 'zip64' | null {
  // The end record is in the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) return null;
  const count = u16(bytes, end + 10);
  const offset = u32(bytes, end + 16);
  if (count === 0xffff || offset === 0xffffffff) return 'zip64';
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== 0x02014b50) return null;
    const entry = {
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) return 'zip64';
    entries.push(entry);
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

function entryData(bytes: Uint8Array, entry: Entry): Uint8Array | null {
  const at = entry.localOffset;
  if (u32(bytes, at) !== 0x04034b50) return null;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) return null;
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Inflates raw deflate data into nothing, counting; stops once the count passes `budget`. */
async function inflatedSize(data: Uint8Array, budget: number): Promise<number> {
  const inflate = createInflateRaw();
  inflate.end(data);
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
