import { crc32, createDeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../core/input-limits.ts';
import { xlsxRows } from '../mapping/row-sources.ts';
import { readProgressWorkbook } from './progress-workbook-reader.ts';

/** One stored zip entry: its name, deflated data, CRC and inflated size. */
interface ZipEntry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

/** Deflates `repeat` copies of `chunk` as a stream: the bomb is built without holding it. */
async function deflated(name: string, head: string, chunk: string, repeat: number, tail: string) {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  let size = 0;
  const write = async (text: string) => {
    const b = Buffer.from(text);
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
  };
  await write(head);
  const piece = repeat > 0 ? chunk.repeat(Math.ceil((1 << 20) / chunk.length)) : '';
  for (let i = 0; i < repeat; i++) await write(piece);
  await write(tail);
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), crc, size };
}

function zip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const small = async (name: string, text: string) => deflated(name, text, '', 0, '');

/**
 * A workbook of one sheet whose XML inflates to `megabytes` MB of identical rows; `statedSize`
 * is the size its zip directory claims (a bomb lies, so only counting while inflating stops it).
 */
async function bomb(megabytes: number, statedSize?: number): Promise<Uint8Array> {
  const sheet = await deflated(
    'xl/worksheets/sheet1.xml',
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
    megabytes,
    '</sheetData></worksheet>',
  );
  return zip([
    await small(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    await small(
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    await small(
      'xl/workbook.xml',
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    await small(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    { ...sheet, size: statedSize ?? sheet.size },
  ]);
}

const options = { file: 'bomb.xlsx', municipality: { code: '012050', name: '室蘭市' }, title: 't' };

describe('a zip bomb disguised as a workbook', () => {
  it('stating its size, is refused from its zip directory alone', async () => {
    const result = await readProgressWorkbook(await bomb(300), options);
    expect(result.findings.map((f) => f.code)).toEqual(['input.xlsx-too-large']);
  });

  it('lying about its size, is refused by the inflated-bytes counter', async () => {
    const bytes = await bomb(300, 4096);
    expect(bytes.length).toBeLessThan(2_000_000);
    const before = process.memoryUsage().rss;
    const result = await readProgressWorkbook(bytes, options);
    expect(result.plan).toBeNull();
    expect(result.findings).toEqual([
      {
        severity: 'error',
        code: 'input.xlsx-too-large',
        location: { file: 'bomb.xlsx' },
        params: { limit: INPUT_LIMITS.xlsxLoadedBytes },
      },
    ]);
    // Loose: inflating 300 MB would hold it; the counter holds 16 KB chunks.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('is refused while streaming too (mapped imports), at the larger bound', async () => {
    const bytes = await bomb(300, 4096);
    const rows = xlsxRows(bytes, 1, undefined, 'bomb.xlsx');
    await expect(rows.next()).rejects.toMatchObject({
      code: 'invalid-input',
      messageKey: 'input.xlsx-too-large',
      params: { file: 'bomb.xlsx', limit: INPUT_LIMITS.xlsxInflatedBytes },
    });
  });

  it('an entry inflating past the size it states is refused as unreadable', async () => {
    const entry = await deflated('xl/worksheets/sheet1.xml', '', 'x', 2, '');
    const lying = zip([{ ...entry, size: 10 }]);
    const result = await readProgressWorkbook(lying, options);
    expect(result.findings.map((f) => f.code)).toEqual(['xlsx.unreadable']);
  });
});
