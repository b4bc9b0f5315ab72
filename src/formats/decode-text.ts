import type { Finding } from '../core/finding.ts';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'shift_jis';

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; finding: Finding };

/**
 * Decodes a text file as Japanese offices write them: UTF-8 with or without BOM, UTF-16LE with
 * BOM (Excel's 「Unicode テキスト」), or Shift_JIS/CP932 (what Japanese Excel writes as CSV/TSV;
 * WHATWG's shift_jis decoder is CP932, NEC and IBM extensions such as ① included).
 * Binary garbage is refused with the offset of the first byte that cannot be text.
 */
export function decodeText(bytes: Uint8Array, file?: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes, 2, 'utf-16le', file);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeAs(bytes, 3, 'utf-8-bom', file);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return notText(file, nul, bytes[nul] ?? 0);
  // Bytes that decode as UTF-8 are UTF-8, control characters or not: Shift_JIS is tried only
  // when UTF-8 cannot decode them. When neither can, the damage is likelier where the better
  // fitting encoding failed, the one that got further into the file.
  const utf8 = decodeAs(bytes, 0, 'utf-8', file);
  if (utf8.ok || utf8.finding.location?.line !== undefined) return utf8;
  const sjis = decodeAs(bytes, 0, 'shift_jis', file);
  if (sjis.ok || sjis.finding.location?.line !== undefined) return sjis;
  return Number(sjis.finding.params?.offset) > Number(utf8.finding.params?.offset) ? sjis : utf8;
}

const LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  shift_jis: 'shift_jis',
};

/**
 * Decodes what follows a BOM of `start` bytes. A finding's offset counts from the file's start;
 * one for a control character also has its line, one for undecodable bytes has none.
 */
function decodeAs(
  fileBytes: Uint8Array,
  start: number,
  encoding: TextEncodingName,
  file: string | undefined,
): DecodedText {
  const label = LABELS[encoding];
  const bytes = fileBytes.subarray(start);
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const decodable = firstUndecodable(bytes, label);
    // A UTF-16 prefix may end inside a code unit: point at the unit's first byte.
    const offset = start + (label === 'utf-16le' ? decodable - (decodable % 2) : decodable);
    return notText(file, offset, fileBytes[offset]);
  }
  // Control characters other than tab and line breaks do not occur in a table typed by people.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split(/\r\n|\r|\n/).length;
    const code = control[0].charCodeAt(0);
    // UTF-16 code units are string indices; in UTF-8 and Shift_JIS a control character is its
    // own single byte and never part of a multi-byte character.
    const offset = start + (label === 'utf-16le' ? 2 * control.index : bytes.indexOf(code));
    return {
      ok: false,
      finding: {
        severity: 'error',
        code: 'file.not-text',
        location: { file, line },
        expected: 'text-file',
        found: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
        params: { offset },
      },
    };
  }
  return { ok: true, text, encoding };
}

/** The offset of the first byte where decoding fails, found by bisection over prefixes. */
function firstUndecodable(bytes: Uint8Array, label: string): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      // Streaming mode accepts a character cut at the end of the prefix, not a wrong byte.
      new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

function notText(file: string | undefined, offset: number, byte: number | undefined): DecodedText {
  return {
    ok: false,
    finding: {
      severity: 'error',
      code: 'file.not-text',
      location: { file },
      expected: 'text-file',
      found: byte === undefined ? '' : `0x${byte.toString(16).padStart(2, '0')}`,
      params: { offset },
    },
  };
}
