import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * Test support: writes a large xlsx straight to disk, never holding it — a sheet of `rows` rows
 * whose first `projects` rows are projects (A 目標, B 施策, C 番号, D 事業名) and every row has
 * `fillerColumns` cells of random text (incompressible, so the file is large for its cells; the
 * mapping ignores them, as it ignores a city's columns it does not map). Other rows leave C
 * empty: a mapping with `requiredColumn: "C"` skips them.
 */
export interface LargeWorkbook {
  rows: number;
  projects: number;
  fillerColumns: number;
  fillerChars: number;
}

interface Part {
  name: string;
  crc: number;
  size: number;
  compressedSize: number;
  /** The deflated data: a file (the sheet) or bytes (the small parts). */
  data: string | Buffer;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SMALL: [string, string][] = [
  [
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  ],
  [
    '_rels/.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ],
  [
    'xl/workbook.xml',
    `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="一覧" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  ],
  [
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  ],
  [
    'xl/sharedStrings.xml',
    `${XML}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>`,
  ],
];

const cell = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

function letters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function rowXml(line: number, spec: LargeWorkbook): string {
  const i = line - 2;
  const own =
    line === 1
      ? ['目標', '施策', '番号', '事業名']
      : i < spec.projects
        ? [`目標${(i % 5) + 1}`, `施策${(i % 50) + 1}`, `P-${i + 1}`, `事業 ${i + 1}`]
        : ['', '', '', ''];
  const cells = own.map((text, c) => (text ? cell(`${letters(c + 1)}${line}`, text) : ''));
  const random = randomBytes(Math.ceil((spec.fillerColumns * spec.fillerChars * 3) / 4) + 3);
  const filler = random.toString('base64').replaceAll('+', '-').replaceAll('/', '_');
  for (let c = 0; c < spec.fillerColumns; c++) {
    const text =
      line === 1 ? `備考${c + 1}` : filler.slice(c * spec.fillerChars, (c + 1) * spec.fillerChars);
    cells.push(cell(`${letters(c + 5)}${line}`, text));
  }
  return `<row r="${line}">${cells.join('')}</row>`;
}

async function write(out: Writable, chunk: Buffer | string): Promise<void> {
  if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
}

async function closed(out: Writable): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
}

/** Deflates the sheet row by row into `partPath`, counting its CRC and sizes. */
async function sheetPart(partPath: string, spec: LargeWorkbook): Promise<Part> {
  const deflate = createDeflateRaw({ level: 6 });
  const file = createWriteStream(partPath);
  deflate.pipe(file);
  const done = new Promise<void>((resolve) => file.on('finish', () => resolve()));
  let crc = 0;
  let size = 0;
  const put = async (text: string) => {
    const b = Buffer.from(text);
    crc = crc32(b, crc);
    size += b.length;
    await write(deflate, b);
  };
  await put(
    `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
  );
  for (let line = 1; line <= spec.rows + 1; line++) await put(rowXml(line, spec));
  await put('</sheetData></worksheet>');
  deflate.end();
  await done;
  const compressedSize = (await stat(partPath)).size;
  return { name: 'xl/worksheets/sheet1.xml', crc, size, compressedSize, data: partPath };
}

function headers(part: Part, offset: number): { local: Buffer; central: Buffer } {
  const name = Buffer.from(part.name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(part.crc, 14);
  local.writeUInt32LE(part.compressedSize, 18);
  local.writeUInt32LE(part.size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(part.crc, 16);
  central.writeUInt32LE(part.compressedSize, 20);
  central.writeUInt32LE(part.size, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(offset, 42);
  return { local: Buffer.concat([local, name]), central: Buffer.concat([central, name]) };
}

async function smallPart(name: string, text: string): Promise<Part> {
  const raw = Buffer.from(text);
  const deflate = createDeflateRaw();
  const chunks: Buffer[] = [];
  deflate.on('data', (b: Buffer) => chunks.push(b));
  await new Promise((resolve) => deflate.end(raw, () => resolve(null)));
  await new Promise((resolve) => deflate.once('end', resolve));
  const data = Buffer.concat(chunks);
  return { name, crc: crc32(raw), size: raw.length, compressedSize: data.length, data };
}

/** Writes the workbook to `path`; returns its size in bytes. */
export async function writeLargeWorkbook(path: string, spec: LargeWorkbook): Promise<number> {
  const parts: Part[] = [];
  for (const [name, text] of SMALL) parts.push(await smallPart(name, text));
  parts.push(await sheetPart(`${path}.sheet`, spec));
  const out = createWriteStream(path);
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { local, central } = headers(part, offset);
    centrals.push(central);
    await write(out, local);
    if (typeof part.data === 'string') {
      for await (const chunk of createReadStream(part.data)) await write(out, chunk as Buffer);
      await rm(part.data);
    } else {
      await write(out, part.data);
    }
    offset += local.length + part.compressedSize;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await write(out, Buffer.concat([directory, end]));
  await closed(out);
  return offset + directory.length + end.length;
}
