import { describe, expect, it } from 'vitest';
import { BodyTooLarge, MalformedMultipart, readMultipart } from './multipart-stream.ts';

const body = [
  '--XyZ\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\ntok\r\n',
  '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.tsv"\r\n',
  'Content-Type: text/plain\r\n\r\nline1\r\n--XyNot\r\nline2\r\n',
  '--XyZ--\r\n',
].join('');

async function parse(bytes: Buffer, cut: number, maxBytes = 1024) {
  const parts: Record<string, string> = {};
  async function* chunks() {
    yield bytes.subarray(0, cut);
    yield bytes.subarray(cut);
  }
  await readMultipart(
    chunks(),
    'XyZ',
    (info) => {
      const got: Buffer[] = [];
      return {
        write: (c) => void got.push(Buffer.from(c)),
        end: () => {
          parts[`${info.name}:${info.filename}`] = Buffer.concat(got).toString();
        },
      };
    },
    { maxBytes },
  );
  return parts;
}

describe('readMultipart', () => {
  it('reads the same parts wherever the chunks are cut', async () => {
    const bytes = Buffer.from(body);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(await parse(bytes, cut)).toEqual({
        '_csrf:null': 'tok',
        'file:a.tsv': 'line1\r\n--XyNot\r\nline2',
      });
    }
  });

  it('stops at the limit and refuses a truncated body', async () => {
    await expect(parse(Buffer.from(body), 10, 50)).rejects.toBeInstanceOf(BodyTooLarge);
    await expect(parse(Buffer.from(body.slice(0, 120)), 10)).rejects.toBeInstanceOf(
      MalformedMultipart,
    );
  });
});
