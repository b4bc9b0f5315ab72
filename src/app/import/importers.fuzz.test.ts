import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SouseiError } from '../../core/errors.ts';
import type { Finding } from '../../core/finding.ts';
import type { Plan, PlanNode } from '../../core/plan.ts';
import { parseCsv } from '../../formats/csv/csv-grid.ts';
import { toPlanDocument } from '../../formats/json/plan-document.ts';
import { writeProgressWorkbook } from '../../formats/xlsx/progress-workbook-writer.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { createTestDatabase, type TestDatabase } from '../../store/test-databases.ts';
import { type AppContext, openAppContext } from '../app-context.ts';
import { importKpis } from '../kpi/import-kpis.ts';
import { cellEdit, mutated, mutatedBytes, workbookMutator } from './fuzz-test-support.ts';
import { importFile } from './import-file.ts';

/**
 * Property/fuzz suite of every importer (issue 9): inputs grown from the real sample by cutting,
 * duplicating, swapping and injecting junk, unicode and huge numbers. Every input imports, or is
 * refused with findings that name the file, or throws a typed SouseiError; never another throw,
 * and a refused import leaves the store as it was. Workbooks are also edited inside (their
 * cells' values, a valid xlsx still), and the KPI import is fuzzed as CSV and as xlsx (it reads
 * both). `npm test` runs a short seeded run;
 * `npm run fuzz` runs FUZZ_RUNS (10,000) inputs per format with a random seed it prints.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? (process.env.FUZZ_RUNS ? Date.now() % 2 ** 31 : 9));
const TIMEOUT = process.env.FUZZ_RUNS ? 0 : 120_000;
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };
/**
 * A workbook written again for every input (exceljs, ~0.2 s each) bounds the structural runs:
 * at most 1,000 in the full run (FUZZ_STRUCTURAL_RUNS), besides the 10,000 byte-edited ones.
 */
const structural = {
  ...params,
  numRuns: Math.min(RUNS, Number(process.env.FUZZ_STRUCTURAL_RUNS ?? 1_000)),
};
/** What the heap may keep after every input has run (a leak grows with the number of runs). */
const RETAINED_HEAP_BOUND = 64 * 1024 * 1024;

/** Heap in use after a full collection (gc exposed for this test only). */
function retainedHeap(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const SAMPLE = new URL('../../../samples/muroran-r2-progress.tsv', import.meta.url);
const KPI_SAMPLE = new URL('../../../samples/muroran-kpis.csv', import.meta.url);
const MAPPING = JSON.parse(
  readFileSync(new URL('../../../docs/mappings/strategy-csv.json', import.meta.url), 'utf8'),
);
const sampleTsv = readFileSync(SAMPLE, 'utf8');
const sampleKpis = readFileSync(KPI_SAMPLE, 'utf8');
const TITLE = '第2期室蘭市まち・ひと・しごと創生総合戦略';
const base = { municipalityCode: '012050', municipalityName: '室蘭市', title: TITLE };

const TABLES = ['plans', 'plan_nodes', 'projects', 'activities', 'activity_entries', 'kpis'];

async function snapshot(ctx: AppContext): Promise<number[]> {
  const db = databaseOf(ctx.store);
  const counts: number[] = [];
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table as 'plans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts.push(Number(row.n));
  }
  return counts;
}

/**
 * The sample's 24 projects in the layout of docs/mappings/strategy-csv.json (goal, measure,
 * number, name, department, R3 budget and settlement in 千円, one indicator), so the mapped
 * importer's fuzzing starts from a file it reads.
 */
function strategyCsvOf(plan: Plan): string {
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const rows = ['基本目標,施策,事業No,事業名,担当課,R3予算,R3決算,KPI,単位,目標値(R6),実績(R3)'];
  const walk = (nodes: readonly PlanNode[], goal: string) => {
    for (const node of nodes) {
      const top = goal || node.title;
      for (const p of node.projects) {
        const f = p.finances[0];
        const amount = (yen: number | null | undefined) => (yen == null ? '-' : String(yen / 1000));
        rows.push(
          [top, node.title, p.no, p.name, '企画課', amount(f?.budget), amount(f?.settlement)]
            .map(quote)
            .concat(['件数', '件', '50', '12'])
            .join(','),
        );
      }
      walk(node.children, top);
    }
  };
  walk(plan.nodes, '');
  return rows.join('\r\n');
}

/** The KPI sample as a workbook (docs/kpi-import.md: the first sheet), numbers as numbers. */
async function kpiWorkbook(csv: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('KPI');
  for (const row of parseCsv(csv)) {
    sheet.addRow(
      row.cells.map((c) => (/^[\d,]+(\.\d+)?$/.test(c) ? Number(c.replaceAll(',', '')) : c)),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A refusal must say where: every error finding names the file. */
function expectLocated(findings: readonly Finding[], file: string) {
  for (const f of findings.filter((x) => x.severity === 'error')) {
    expect(f.location?.file, f.code).toBe(file);
  }
}

async function outcomeOf<T>(run: () => Promise<T>): Promise<T | SouseiError> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof SouseiError && e.code !== 'internal') return e;
    throw e;
  }
}

describe('importers under fuzzed input (fast-check)', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  let xlsx: Uint8Array;
  let json: string;
  let heapAtStart = 0;
  let samplePlan: Plan;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    ctx = await openAppContext(database.url);
    const first = await importFile(ctx, {
      ...base,
      bytes: new TextEncoder().encode(sampleTsv),
      fileName: 'sample.tsv',
    });
    if (!first.plan) throw new Error('sample unread');
    samplePlan = first.plan;
    xlsx = await writeProgressWorkbook(first.plan, [2020], 'per-year');
    json = JSON.stringify(toPlanDocument(first.plan), null, 1);
    console.info(`fuzz: ${RUNS} inputs per format, seed ${SEED}`);
    heapAtStart = retainedHeap();
  });
  afterAll(async () => {
    await ctx?.store.close();
    await database?.drop();
  });

  /** Imports one input; a refused one must leave the store exactly as it was. */
  const property = async (fileName: string, bytes: Uint8Array, mapping?: unknown) => {
    const before = await snapshot(ctx);
    const outcome = await outcomeOf(() => importFile(ctx, { ...base, bytes, fileName, mapping }));
    if (outcome instanceof SouseiError || !outcome.written) {
      expect(await snapshot(ctx)).toEqual(before);
    }
    if (!(outcome instanceof SouseiError) && !outcome.written) {
      expect(outcome.findings.some((f) => f.severity === 'error')).toBe(true);
      expect(outcome.findings.length).toBeLessThanOrEqual(201);
      expectLocated(outcome.findings, fileName);
    }
  };

  const encode = (text: string) => new TextEncoder().encode(text);

  it(
    'progress table (TSV)',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutated(sampleTsv, '\t'), (t) => property('p.tsv', encode(t))),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'plan document (JSON)',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutated(json, ','), (t) => property('p.json', encode(t))),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'progress workbook (xlsx)',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedBytes(xlsx), (b) => property('p.xlsx', b)),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'any city CSV through a mapping',
    async () => {
      const csv = strategyCsvOf(samplePlan);
      // The seed itself reads cleanly, so the mutations start from a file the importer takes.
      const seed = await importFile(ctx, {
        ...base,
        title: 'mapped seed',
        bytes: encode(csv),
        fileName: 'seed.csv',
        mapping: MAPPING,
        dryRun: true,
      });
      expect(seed.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(seed.summary?.projects).toBe(24);
      await fc.assert(
        fc.asyncProperty(mutated(csv, ','), (t) => property('m.csv', encode(t), MAPPING)),
        params,
      );
    },
    TIMEOUT,
  );

  /** Imports one KPI table; a refused one must leave the store exactly as it was. */
  const kpiProperty = async (fileName: string, bytes: Uint8Array) => {
    const before = await snapshot(ctx);
    const outcome = await outcomeOf(() =>
      importKpis(
        ctx,
        { operator: true },
        { fileName, bytes, municipalityCode: '012050', planTitle: TITLE },
      ),
    );
    if (outcome instanceof SouseiError || !outcome.written) {
      expect(await snapshot(ctx)).toEqual(before);
    }
    if (!(outcome instanceof SouseiError) && !outcome.written) {
      expect(outcome.findings.length).toBeLessThanOrEqual(201);
      expectLocated(outcome.findings, fileName);
    }
  };

  it(
    'KPI table (CSV)',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutated(sampleKpis, ','), (t) => kpiProperty('k.csv', encode(t))),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'progress workbook (xlsx), its cells edited inside a valid workbook',
    async () => {
      const mutate = await workbookMutator(xlsx);
      await fc.assert(
        fc.asyncProperty(fc.array(cellEdit, { minLength: 1, maxLength: 4 }), async (edits) =>
          property('s.xlsx', await mutate(edits)),
        ),
        structural,
      );
    },
    TIMEOUT,
  );

  it(
    'KPI table (xlsx): its bytes, and its cells inside a valid workbook',
    async () => {
      const kpiXlsx = await kpiWorkbook(sampleKpis);
      await kpiProperty('seed.xlsx', kpiXlsx);
      await fc.assert(
        fc.asyncProperty(mutatedBytes(kpiXlsx), (b) => kpiProperty('k.xlsx', b)),
        params,
      );
      const mutate = await workbookMutator(kpiXlsx);
      await fc.assert(
        fc.asyncProperty(fc.array(cellEdit, { minLength: 1, maxLength: 4 }), async (edits) =>
          kpiProperty('c.xlsx', await mutate(edits)),
        ),
        structural,
      );
    },
    TIMEOUT,
  );

  it('keeps no more than a stated bound of heap once every input has run', () => {
    const grown = retainedHeap() - heapAtStart;
    console.info(`fuzz: heap retained after all inputs ${(grown / 1024 / 1024).toFixed(1)} MB`);
    expect(grown).toBeLessThan(RETAINED_HEAP_BOUND);
  });
});
