import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProjects } from '../../core/plan.ts';
import { openRandomAccess, type RandomAccessReader } from '../byte-source.ts';
import { readProgressTable } from '../tsv/progress-table-reader.ts';
import { parseTsv } from '../tsv/tsv-grid.ts';
import { writeLargeWorkbook } from './large-workbook-file.ts';
import { readProgressWorkbook } from './progress-workbook-reader.ts';
import { writeProgressWorkbook } from './progress-workbook-writer.ts';
import { guardArchive } from './zip-guard.ts';

/** A reader that records every read: the guard must read small pieces, never the file whole. */
function counting(reader: RandomAccessReader) {
  const reads: number[] = [];
  return {
    reads,
    reader: {
      size: reader.size,
      async read(offset: number, length: number) {
        const bytes = await reader.read(offset, length);
        reads.push(bytes.length);
        return bytes;
      },
      close: () => reader.close(),
    } satisfies RandomAccessReader,
  };
}

describe('the zip guard on a file', () => {
  let dir: string;
  let large: string;
  let size: number;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sousei-zip-guard-'));
    large = join(dir, 'large.xlsx');
    // ~26 MB of sheet XML in ~12 MB of file: over the loaded bound, under the streamed one.
    size = await writeLargeWorkbook(large, {
      rows: 14_000,
      projects: 10,
      fillerColumns: 20,
      fillerChars: 52,
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads it by random access, 64 KB at a time past the end record, each byte about once', async () => {
    const file = counting(await openRandomAccess({ path: large }));
    await guardArchive(file.reader, 'xlsx-size', 'large.xlsx');
    await file.reader.close();
    // The end record is looked for in the last 22 + 65,535 bytes; every other read is 64 KB.
    expect(Math.max(...file.reads)).toBeLessThanOrEqual(22 + 0xffff);
    expect(file.reads.filter((r) => r > 64 * 1024)).toHaveLength(1);
    const total = file.reads.reduce((n, r) => n + r, 0);
    expect(total).toBeGreaterThan(size * 0.9);
    expect(total).toBeLessThan(size + 256 * 1024);
  });

  it('refuses a file over the bound with the typed error, from its path', async () => {
    const file = counting(await openRandomAccess({ path: large }));
    await expect(guardArchive(file.reader, 'xlsx-loaded-size', 'large.xlsx')).rejects.toMatchObject(
      { messageKey: 'input.xlsx-too-large', params: { file: 'large.xlsx' } },
    );
    await file.reader.close();
    // Refused from the sizes its directory states: the entries' data was never read.
    expect(file.reads.reduce((n, r) => n + r, 0)).toBeLessThan(256 * 1024);
  });

  it('reads a workbook from its path as from its bytes', async () => {
    const options = { municipality: { code: '012050', name: '室蘭市' }, title: 'T' };
    const text = readFileSync(
      new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url),
      'utf8',
    );
    const { plan } = readProgressTable(parseTsv(text), options);
    if (!plan) throw new Error('sample unreadable');
    const bytes = await writeProgressWorkbook(plan, [2020], 'per-year');
    const path = join(dir, 'sample.xlsx');
    await writeFile(path, bytes);
    const fromPath = await readProgressWorkbook({ path }, options);
    const fromBytes = await readProgressWorkbook(bytes, options);
    expect(fromPath.findings).toEqual([]);
    expect(fromPath.plan).toEqual(fromBytes.plan);
    expect(allProjects(fromPath.plan ?? plan).length).toBe(allProjects(plan).length);
  });
});
