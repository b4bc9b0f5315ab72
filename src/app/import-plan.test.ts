import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProjects, type Plan } from '../core/plan.ts';
import { decodeText } from '../formats/decode-text.ts';
import { readProgressTable } from '../formats/tsv/progress-table-reader.ts';
import { parseTsv } from '../formats/tsv/tsv-grid.ts';
import { listPlans, loadPlan } from '../store/load-plan.ts';
import { databaseOf } from '../store/raw-database.ts';
import {
  createTestDatabase,
  DIALECTS,
  dialectAvailable,
  type TestDatabase,
} from '../store/test-databases.ts';
import { type AppContext, openAppContext } from './app-context.ts';
import { exportPlan } from './export-plan.ts';
import { type ImportInput, importPlan } from './import-plan.ts';

const SAMPLE = new URL('../../samples/muroran-r2-progress.tsv', import.meta.url);
const sampleText = readFileSync(SAMPLE, 'utf8');
const TITLE = '第2期室蘭市まち・ひと・しごと創生総合戦略';

function input(text: string, extra: Partial<ImportInput> = {}): ImportInput {
  return {
    bytes: new TextEncoder().encode(text),
    fileName: 'muroran-r2-progress.tsv',
    municipalityCode: '012050',
    municipalityName: '室蘭市',
    title: TITLE,
    ...extra,
  };
}

function parsedSample(): Plan {
  const decoded = decodeText(readFileSync(SAMPLE));
  if (!decoded.ok) throw new Error('sample unreadable');
  const { plan } = readProgressTable(parseTsv(decoded.text), {
    municipality: { code: '012050', name: '室蘭市' },
    title: TITLE,
  });
  if (!plan) throw new Error('sample unparsed');
  return plan;
}

/** Normalises a table's cells the way the lossless promise is stated: whitespace at ends aside. */
/** The table's cells, without the export's leading `#` metadata lines (tested with the writer). */
function cells(text: string): string[][] {
  return text
    .split(/\r\n|\n/)
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.split('\t').map((c) => c.trim()))
    .map((row) => {
      while (row.length > 0 && row.at(-1) === '') row.pop();
      return row;
    })
    .filter((row) => row.length > 0);
}

async function count(
  ctx: AppContext,
  table: 'plans' | 'projects' | 'activities' | 'activity_entries',
) {
  const row = await databaseOf(ctx.store)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`importPlan on ${dialect}`, () => {
    let database: TestDatabase;
    let ctx: AppContext;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      ctx = await openAppContext(database.url);
      ctx.now = () => '2026-11-25T00:00:00.000Z';
    });
    afterAll(async () => {
      await ctx?.store.close();
      await database?.drop();
    });

    it('refuses a bad file whole and writes nothing', async () => {
      const bad = sampleText
        .replace('\t322\t490\t', '\tabc\t490\t')
        .replace('\t2\t西いぶり合同企業説明会開催事業', '\t1\t西いぶり合同企業説明会開催事業');
      const outcome = await importPlan(ctx, input(bad));
      expect(outcome.written).toBe(false);
      expect(outcome.findings.map((f) => f.code).sort()).toEqual([
        'amount.not-a-number',
        'project.duplicate-no',
      ]);
      expect(await count(ctx, 'plans')).toBe(0);
      expect(await count(ctx, 'projects')).toBe(0);
    });

    it('rolls back everything when the last statement of the import fails', async () => {
      // import_runs is written last, after every plan row: a NOT NULL violation there must
      // leave no plan, project or activity behind.
      const broken = input(sampleText, { fileName: null as unknown as string });
      await expect(importPlan(ctx, broken)).rejects.toThrow();
      expect(await count(ctx, 'plans')).toBe(0);
      expect(await count(ctx, 'projects')).toBe(0);
      expect(await count(ctx, 'activities')).toBe(0);
    });

    it('dry run reports the plan it would add and writes nothing', async () => {
      const outcome = await importPlan(ctx, input(sampleText, { dryRun: true }));
      expect(outcome.written).toBe(false);
      expect(outcome.changes).toEqual([{ kind: 'plan-added', title: TITLE }]);
      expect(await count(ctx, 'plans')).toBe(0);
    });

    it('imports the real sample and reads back the same plan', async () => {
      const outcome = await importPlan(ctx, input(sampleText));
      expect(outcome.written).toBe(true);
      expect(outcome.findings).toEqual([]);
      expect(outcome.fiscalYears).toEqual([2020]);
      expect(await count(ctx, 'projects')).toBe(24);
      expect(await count(ctx, 'activities')).toBe(49);
      expect(await count(ctx, 'activity_entries')).toBe(48);
      const [summary] = await listPlans(databaseOf(ctx.store), '012050');
      const stored = await loadPlan(databaseOf(ctx.store), '012050', summary?.id ?? -1);
      expect(stored).toEqual(parsedSample());
      const p16 = allProjects(stored as Plan).find((p) => p.no === '16');
      expect(p16?.finances).toEqual([{ fiscalYear: 2020, budget: null, settlement: null }]);
    });

    it('exports a TSV whose cells equal the source, and JSON that imports to the same plan', async () => {
      const tsv = await exportPlan(ctx, { format: 'tsv' });
      expect(cells(tsv)).toEqual(cells(sampleText));
      const json = await exportPlan(ctx, { format: 'json' });
      const again = await importPlan(ctx, {
        bytes: new TextEncoder().encode(json),
        fileName: 'plan.json',
        dryRun: true,
      });
      expect(again.findings).toEqual([]);
      expect(again.plan).toEqual(parsedSample());
      expect(again.changes).toEqual([]);
    });

    it('re-importing the same file changes nothing and keeps every id', async () => {
      const ids = await databaseOf(ctx.store)
        .selectFrom('activities')
        .select('id')
        .orderBy('id')
        .execute();
      const outcome = await importPlan(ctx, input(sampleText));
      expect(outcome.written).toBe(true);
      expect(outcome.changes).toEqual([]);
      const after = await databaseOf(ctx.store)
        .selectFrom('activities')
        .select('id')
        .orderBy('id')
        .execute();
      expect(after).toEqual(ids);
    });

    it('re-importing an edited table updates in place and says what changed', async () => {
      const edited = sampleText
        .replace('\t3,200\t698\t', '\t3,300\t698\t')
        .replace(
          '\t24\t西いぶり・首都圏学生インターンシップ推進事業',
          '\t25\t西いぶり・首都圏学生インターンシップ推進事業',
        )
        .replace('\t\t\t70,090\t52,139', '\t\t\t70,190\t52,139');
      const outcome = await importPlan(ctx, input(edited));
      expect(outcome.written).toBe(true);
      expect(outcome.changes).toEqual([
        {
          kind: 'finance-changed',
          no: '5',
          fiscalYear: 2020,
          field: 'budget',
          before: 3_200_000,
          after: 3_300_000,
        },
        { kind: 'project-added', no: '25', name: '西いぶり・首都圏学生インターンシップ推進事業' },
        { kind: 'project-removed', no: '24', name: '西いぶり・首都圏学生インターンシップ推進事業' },
      ]);
      expect(outcome.checks.filter((f) => f.code === 'totals.mismatch')).toEqual([]);
      expect(await count(ctx, 'projects')).toBe(24);
    });

    it("keeps other fiscal years' figures when a later year's table is imported", async () => {
      await importPlan(ctx, input(sampleText));
      const r3 = sampleText
        .replace('\tR2\t\tR2～R6', '\tR3\t\tR2～R6')
        .replace('\t322\t490\t', '\t400\t380\t')
        .replace('\t\t\t70,090\t52,139', '\t\t\t70,168\t52,029');
      const outcome = await importPlan(ctx, input(r3, { fiscalYear: 2021 }));
      expect(outcome.findings).toEqual([]);
      // R3 is new: 24 projects × 2 amounts, less project 16 whose 予算/決算 stay '-' (null).
      expect(outcome.changes.filter((c) => c.kind === 'finance-changed')).toHaveLength(46);
      const tsv = await exportPlan(ctx, { format: 'tsv' });
      const header = cells(tsv).find((row) => row.includes('No.'));
      expect(header?.slice(3, 7)).toEqual(['R2', '', 'R3', '']);
      expect(
        cells(tsv)
          .find((row) => row[1] === '1')
          ?.slice(3, 7),
      ).toEqual(['322', '490', '400', '380']);
      const r2Only = await exportPlan(ctx, { format: 'tsv', fiscalYears: [2020] });
      expect(cells(r2Only)).toEqual(cells(sampleText));
    });

    it('keeps municipalities apart: same title, different city, separate plans', async () => {
      const other = await importPlan(
        ctx,
        input(sampleText, { municipalityCode: '011002', municipalityName: '札幌市' }),
      );
      expect(other.written).toBe(true);
      expect(other.changes).toEqual([{ kind: 'plan-added', title: TITLE }]);
      const muroran = await listPlans(databaseOf(ctx.store), '012050');
      const sapporo = await listPlans(databaseOf(ctx.store), '011002');
      expect(muroran).toHaveLength(1);
      expect(sapporo).toHaveLength(1);
      // A plan id of one city read with another city's code is not found.
      expect(await loadPlan(databaseOf(ctx.store), '011002', muroran[0]?.id ?? -1)).toBeUndefined();
    });
  });
}
