import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { allProjects, type Plan } from '../core/plan.ts';
import { type DecodedText, decodeText } from './decode-text.ts';
import { type ProgressTableOptions, readProgressTable } from './tsv/progress-table-reader.ts';
import { parseTsv } from './tsv/tsv-grid.ts';

const FILE = 'muroran-r2-progress.tsv';
const SAMPLE_BYTES = readFileSync(
  new URL('../../samples/muroran-r2-progress.tsv', import.meta.url),
);
const SAMPLE = SAMPLE_BYTES.toString('utf8');
const OPTIONS: ProgressTableOptions = {
  file: FILE,
  municipality: { code: '012050', name: '室蘭市' },
  title: '室蘭市まち・ひと・しごと創生総合戦略',
};

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);

/** The whole import of a file's bytes: decode, split, read. */
function importBytes(bytes: Uint8Array, options: Partial<ProgressTableOptions> = {}) {
  const decoded = decodeText(bytes, FILE);
  if (!decoded.ok) return { decoded, plan: null, findings: [decoded.finding] };
  const result = readProgressTable(parseTsv(decoded.text), { ...OPTIONS, ...options });
  return { decoded, plan: result.plan, findings: result.findings };
}

function planOf(bytes: Uint8Array, options: Partial<ProgressTableOptions> = {}): Plan {
  const { plan, findings } = importBytes(bytes, options);
  expect(findings).toEqual([]);
  if (!plan) throw new Error('no plan');
  return plan;
}

const encodingOf = (d: DecodedText) => (d.ok ? d.encoding : d.finding.code);
const crlf = (text: string) => text.replaceAll('\n', '\r\n');
const utf16le = (text: string) => Buffer.concat([UTF16LE_BOM, Buffer.from(text, 'utf16le')]);

/** The sample with `from` replaced by `to` on 1-based `line`; fails if `from` is not there. */
function editLine(text: string, line: number, from: string, to: string): string {
  const lines = text.split('\n');
  const old = lines[line - 1];
  if (old === undefined || !old.includes(from)) {
    throw new Error(`line ${line} does not contain ${JSON.stringify(from)}`);
  }
  lines[line - 1] = old.replace(from, to);
  return lines.join('\n');
}

describe('decodeText: the sample in the encodings offices save', () => {
  const reference = planOf(SAMPLE_BYTES);

  it('reads plain UTF-8 as is', () => {
    expect(decodeText(SAMPLE_BYTES, FILE)).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8' });
    expect(allProjects(reference)).toHaveLength(24);
  });

  it('reads UTF-8 with a BOM, dropping the BOM', () => {
    const bytes = Buffer.concat([UTF8_BOM, SAMPLE_BYTES]);
    const decoded = decodeText(bytes, FILE);
    expect(decoded).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8-bom' });
    expect(planOf(bytes)).toEqual(reference);
  });

  it('reads CRLF line ends to the same plan, with the same line numbers', () => {
    const bytes = Buffer.from(crlf(SAMPLE), 'utf8');
    expect(planOf(bytes)).toEqual(reference);
    const bad = Buffer.from(crlf(editLine(SAMPLE, 12, '\t2,810\t', '\tabc\t')), 'utf8');
    expect(importBytes(bad).findings.map((f) => [f.code, f.location?.line])).toEqual([
      ['amount.not-a-number', 12],
    ]);
  });

  it('reads UTF-16LE with a BOM (Excel’s Unicode text, CRLF) to the same plan', () => {
    const bytes = utf16le(crlf(SAMPLE));
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const decoded = decodeText(bytes, FILE);
    expect(decoded).toEqual({ ok: true, text: crlf(SAMPLE), encoding: 'utf-16le' });
    expect(planOf(bytes)).toEqual(reference);
  });

  it('finds ▶ to be the only character of the sample that CP932 cannot write', () => {
    const lost = [...new Set(SAMPLE)].filter(
      (ch) => iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') !== ch,
    );
    expect(lost).toEqual(['▶']);
  });

  it('reads Shift_JIS/CP932 to the same plan (▶ written ◆, as a CP932 table must)', () => {
    const text = SAMPLE.replaceAll('▶', '◆');
    expect(text.includes('◆')).toBe(true);
    for (const source of [text, crlf(text)]) {
      const bytes = iconv.encode(source, 'cp932');
      const decoded = decodeText(bytes, FILE);
      expect(decoded).toEqual({ ok: true, text: source, encoding: 'shift_jis' });
      const plan = planOf(bytes, { conventions: { resultMark: '◆' } });
      // The same plan as the UTF-8 file's, but for the mark itself.
      expect(JSON.parse(JSON.stringify(plan).replaceAll('◆', '▶'))).toEqual(reference);
      expect(plan).toEqual(planOf(Buffer.from(text, 'utf8'), { conventions: { resultMark: '◆' } }));
    }
  });

  it('reads CP932’s NEC and IBM extensions (①, 髙, 﨑)', () => {
    const text = editLine(
      SAMPLE,
      12,
      '西いぶり合同企業説明会開催事業',
      '①髙﨑合同企業説明会開催事業',
    );
    const bytes = iconv.encode(text.replaceAll('▶', '◆'), 'cp932');
    const plan = planOf(bytes, { conventions: { resultMark: '◆' } });
    expect(allProjects(plan)[1]?.name).toBe('①髙﨑合同企業説明会開催事業');
  });

  it('reads full-width digits and commas in amounts (２，８１０) as 2,810 千円', () => {
    let text = editLine(SAMPLE, 12, '\t2,810\t2,352\t', '\t２，８１０\t２，３５２\t');
    text = editLine(text, 50, '\t70,090\t52,139', '\t７０，０９０\t５２，１３９');
    for (const bytes of [
      Buffer.from(text, 'utf8'),
      iconv.encode(text.replaceAll('▶', '◆'), 'cp932'),
    ]) {
      const resultMark = encodingOf(decodeText(bytes)) === 'shift_jis' ? '◆' : '▶';
      const plan = planOf(bytes, { conventions: { resultMark } });
      expect(allProjects(plan)[1]?.finances).toEqual([
        { fiscalYear: 2020, budget: 2_810_000, settlement: 2_352_000 },
      ]);
      expect(plan.statedTotals).toEqual([
        { fiscalYear: 2020, budget: 70_090_000, settlement: 52_139_000 },
      ]);
    }
  });

  it('reads an empty file as empty text', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });
});

describe('decodeText: binary garbage', () => {
  /** Bytes from a fixed-seed generator, so a failure reproduces. */
  function randomBytes(length: number, seed: number): Uint8Array {
    const out = new Uint8Array(length);
    let s = seed;
    for (let i = 0; i < length; i++) {
      s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
      out[i] = s >>> 24;
    }
    return out;
  }

  it('refuses random bytes with NULs at the first NUL, giving no plan', () => {
    const bytes = randomBytes(4096, 7);
    const nul = bytes.indexOf(0);
    expect(nul).toBeGreaterThan(0);
    const result = importBytes(bytes);
    expect(result.plan).toBeNull();
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'file.not-text',
        location: { file: FILE },
        expected: 'text-file',
        found: '0x00',
        params: { offset: nul },
      },
    ]);
  });

  it('refuses a PNG file', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
      0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
      0x15, 0xc4,
    ]);
    const result = importBytes(png);
    expect(result.plan).toBeNull();
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'file.not-text',
        location: { file: FILE },
        expected: 'text-file',
        found: '0x00',
        params: { offset: 8 },
      },
    ]);
  });

  it('refuses bytes that are neither UTF-8 nor Shift_JIS, at the first bad byte', () => {
    // 0xFD opens no UTF-8 sequence and is no Shift_JIS byte.
    const bytes = Buffer.concat([Buffer.from('No.\t事業名\n', 'utf8'), Buffer.from([0xfd, 0x41])]);
    const result = importBytes(bytes);
    expect(result.plan).toBeNull();
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'file.not-text',
        location: { file: FILE },
        expected: 'text-file',
        found: '0xfd',
        params: { offset: 14 },
      },
    ]);
  });

  it('refuses a Shift_JIS lead byte without its trail byte', () => {
    const head = iconv.encode('事業名\t', 'cp932');
    // 0x82 opens a two-byte character; a tab cannot end it. Invalid UTF-8 as well.
    const bytes = Buffer.concat([head, Buffer.from([0x82, 0x09, 0x41])]);
    const decoded = decodeText(bytes, FILE);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.finding.params).toEqual({ offset: head.length + 1 });
  });

  it('counts the offset of a bad byte from the start of the file, BOM included', () => {
    const utf8 = decodeText(Buffer.concat([UTF8_BOM, Buffer.from('ab'), Buffer.from([0xff])]));
    expect(!utf8.ok && [utf8.finding.found, utf8.finding.params]).toEqual(['0xff', { offset: 5 }]);
    // A lone low surrogate (0xDC00) after 'a': the bad code unit starts at byte 4.
    const utf16 = decodeText(Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x00, 0xdc, 0x62, 0x00]));
    expect(!utf16.ok && [utf16.finding.found, utf16.finding.params]).toEqual([
      '0x00',
      { offset: 4 },
    ]);
  });

  it('refuses control characters, giving their line and byte offset in every encoding', () => {
    // The second text has its control character before any Japanese: a UTF-8 file must not be
    // retried as Shift_JIS and reported for the Shift_JIS failure further on.
    for (const [text, line] of [
      ['a\tb\n事業名\tc\u0007d\n', 2],
      ['\u0007\t事業名\n', 1],
    ] as const) {
      const index = text.indexOf('\u0007');
      const cases: [Uint8Array, number][] = [
        [Buffer.from(text, 'utf8'), Buffer.byteLength(text.slice(0, index), 'utf8')],
        [iconv.encode(text, 'cp932'), iconv.encode(text.slice(0, index), 'cp932').length],
        [utf16le(text), 2 + 2 * index],
        [Buffer.concat([UTF8_BOM, Buffer.from(text)]), 3 + Buffer.byteLength(text.slice(0, index))],
      ];
      for (const [bytes, offset] of cases) {
        expect(bytes[offset]).toBe(0x07);
        expect(decodeText(bytes, FILE)).toEqual({
          ok: false,
          finding: {
            severity: 'error',
            code: 'file.not-text',
            location: { file: FILE, line },
            expected: 'text-file',
            found: 'U+0007',
            params: { offset },
          },
        });
      }
    }
  });

  it('never accepts the sample cut at any byte without an error', () => {
    const silent: number[] = [];
    // Cutting the final tab only loses an empty cell; every shorter prefix must be refused.
    for (let length = 1; length < SAMPLE_BYTES.length - 1; length++) {
      const { findings } = importBytes(SAMPLE_BYTES.subarray(0, length));
      if (!findings.some((f) => f.severity === 'error')) silent.push(length);
    }
    expect(silent).toEqual([]);
  });
});
