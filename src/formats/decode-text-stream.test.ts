import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';
import { decodedChunks, streamedEncoding } from './decode-text-stream.ts';

/** The bytes as a stream cut at the given offsets, read afresh on every call. */
function source(bytes: Uint8Array, at: number[] = []) {
  const points = [...new Set(at.map((a) => a % (bytes.length + 1)))].sort((a, b) => a - b);
  return async function* () {
    let from = 0;
    for (const p of [...points, bytes.length]) {
      yield bytes.subarray(from, p);
      from = p;
    }
  };
}

async function streamed(bytes: Uint8Array, at: number[] = []) {
  const encoding = await streamedEncoding(source(bytes, at));
  if (!encoding) return null;
  let text = '';
  for await (const piece of decodedChunks(source(bytes, at)(), encoding)) text += piece;
  return { encoding: encoding.encoding, text };
}

describe('text decoded as it streams', () => {
  it('decodes a Shift_JIS CSV cut inside its multi-byte characters', async () => {
    const text = '基本目標,施策,事業名\r\n①ひと,しごと,"ソフト,ウェア"\r\n';
    const bytes = new Uint8Array(iconv.encode(text, 'cp932'));
    // Every cut falls between the two bytes of a character somewhere.
    for (let at = 1; at < bytes.length; at++) {
      expect(await streamed(bytes, [at])).toEqual({ encoding: 'shift_jis', text });
    }
    expect(await streamed(bytes, [...bytes.keys()])).toEqual({ encoding: 'shift_jis', text });
  });

  it('chooses the encoding decodeText chooses, or none where decodeText finds no text', async () => {
    const encodings = ['utf8', 'cp932', 'utf16le'] as const;
    const file = fc
      .tuple(
        fc.constantFrom(...encodings),
        fc.boolean(),
        fc.string({ unit: fc.constantFrom('a', 'あ', '①', '、', '\n', '\r', ',', '\u0001') }),
        fc.uint8Array({ maxLength: 3 }),
        fc.nat(),
      )
      .map(([encoding, bom, text, junk, at]) => {
        const body = iconv.encode(text, encoding, { addBOM: bom && encoding !== 'cp932' });
        const bytes = new Uint8Array([...body]);
        // Junk bytes put somewhere inside, sometimes: a damaged file.
        const cut = at % (bytes.length + 1);
        return new Uint8Array([...bytes.subarray(0, cut), ...junk, ...bytes.subarray(cut)]);
      });
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 5 }), async (bytes, at) => {
        const whole = decodeText(bytes);
        const expected = whole.ok ? { encoding: whole.encoding, text: whole.text } : null;
        expect(await streamed(bytes, at)).toEqual(expected);
      }),
      { numRuns: 500, seed: 6 },
    );
  });
});
