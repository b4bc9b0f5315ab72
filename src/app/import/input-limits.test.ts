import { readFileSync } from 'node:fs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../core/input-limits.ts';
import { allProjects, type PlanNode, type Project } from '../../core/plan.ts';
import { useTestContext } from '../app-test-support.ts';
import { importFile } from './import-file.ts';

const SAMPLE = new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url);
const sampleText = readFileSync(SAMPLE, 'utf8');
const MAPPING = JSON.parse(
  readFileSync(new URL('../../../docs/mappings/strategy-csv.json', import.meta.url), 'utf8'),
);
const base = {
  municipalityCode: '012050',
  municipalityName: '室蘭市',
  title: '第2期室蘭市まち・ひと・しごと創生総合戦略',
};

function project(no: number): Project {
  return { no: String(no), name: 'x', notes: [], department: null, finances: [], activities: [] };
}

describe('bounded work on input', () => {
  const context = useTestContext();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sousei-input-limits-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a table of 10 rows × 100,000 columns with a short list naming the limit', async () => {
    // The attack of issue 9: ~2 MB that used to yield ~1,000,000 findings.
    const wide = `${sampleText.split('\n').slice(0, 8).join('\n')}\n${Array.from(
      { length: 10 },
      () => Array.from({ length: 100_000 }, () => '1').join('\t'),
    ).join('\n')}\n`;
    expect(wide.length).toBeGreaterThan(1_900_000);
    const outcome = await importFile(context(), {
      ...base,
      bytes: new TextEncoder().encode(wide),
      fileName: 'wide.tsv',
    });
    expect(outcome.written).toBe(false);
    expect(outcome.findings.length).toBeLessThanOrEqual(10);
    const limit = outcome.findings.find((f) => f.code === 'input.too-many-columns');
    expect(limit?.location?.file).toBe('wide.tsv');
    expect(limit?.location?.line).toBe(9);
    expect(limit?.params?.limit).toBeGreaterThan(0);
  });

  it('caps the findings of a table with a bad cell on every row, saying how many more', async () => {
    const lines = sampleText.split('\n');
    const header = lines.slice(0, 8).join('\n');
    // 5,000 rows each with a cell outside the known columns.
    const bad = Array.from({ length: 5_000 }, (_, i) => `\t${i + 1}\tx\t1\t1\t\tjunk`).join('\n');
    const outcome = await importFile(context(), {
      ...base,
      bytes: new TextEncoder().encode(`${header}\n${bad}\n`),
      fileName: 'many.tsv',
    });
    expect(outcome.written).toBe(false);
    const truncated = outcome.findings.find((f) => f.code === 'findings.truncated');
    expect(truncated).toBeDefined();
    expect(outcome.findings.length).toBeLessThanOrEqual(201);
    const shown = outcome.findings.length - 1;
    expect(Number(truncated?.params?.count)).toBeGreaterThan(5_000 - shown - 1);
  });

  it('refuses a ~50 MB table of too many rows without exhausting the stack', async () => {
    const lines = sampleText.split('\n');
    const header = lines.slice(0, 8).join('\n');
    // One goal, one direction, one measure holding 400,000 projects.
    const row = (i: number) =>
      `${i === 0 ? 'measure' : ''}\t${i + 1}\t${'事業'.repeat(20)}\t1\t1\t☐ x`;
    const body = `1. goal\ndirection\n${Array.from({ length: 400_000 }, (_, i) => row(i)).join('\n')}`;
    const outcome = await importFile(context(), {
      ...base,
      bytes: new TextEncoder().encode(`${header}\n${body}\n`),
      fileName: 'long.tsv',
    });
    expect(outcome.written).toBe(false);
    expect(outcome.findings.map((f) => f.code)).toContain('input.too-many-rows');
  });

  it('refuses a text file over its size bound from its size, without reading it', async () => {
    // A sparse file: its size is over the bound, its bytes (zeros) would not be text.
    const path = join(dir, 'huge.tsv');
    await writeFile(path, '');
    await truncate(path, INPUT_LIMITS.textBytes + 1);
    // As a progress table, and as a CSV read through a mapping.
    for (const mapping of [undefined, MAPPING]) {
      const outcome = await importFile(context(), { ...base, path, fileName: 'huge.tsv', mapping });
      expect(outcome.written).toBe(false);
      expect(outcome.findings).toMatchObject([
        { code: 'input.text-too-large', location: { file: 'huge.tsv' } },
      ]);
    }
  });

  it('refuses a workbook loaded whole when its file is over the bound, before reading it', async () => {
    // Starts as a zip, then zeros: reading it would only find it unreadable.
    const path = join(dir, 'huge.xlsx');
    await writeFile(path, Uint8Array.from([0x50, 0x4b, 0x03, 0x04]));
    await truncate(path, INPUT_LIMITS.xlsxLoadedBytes + 1);
    const outcome = await importFile(context(), { ...base, path, fileName: 'huge.xlsx' });
    expect(outcome.findings).toMatchObject([{ code: 'input.xlsx-too-large' }]);
  });

  it('imports the sample from its path as from its bytes', async () => {
    const path = join(dir, 'sample.tsv');
    await writeFile(path, sampleText);
    const fromPath = await importFile(context(), {
      ...base,
      path,
      fileName: 'p.tsv',
      dryRun: true,
    });
    const fromBytes = await importFile(context(), {
      ...base,
      bytes: new TextEncoder().encode(sampleText),
      fileName: 'p.tsv',
      dryRun: true,
    });
    expect(fromPath.findings).toEqual([]);
    expect(fromPath.plan).toEqual(fromBytes.plan);
  });

  it('lists every project of a node holding hundreds of thousands of them', () => {
    const node: PlanNode = {
      title: 'n',
      children: [],
      projects: Array.from({ length: 500_000 }, (_, i) => project(i)),
    };
    expect(allProjects({ nodes: [node] })).toHaveLength(500_000);
  });
});
