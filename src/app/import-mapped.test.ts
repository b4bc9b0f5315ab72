import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { allProjects } from '../core/plan.ts';
import { loadPlan } from '../store/load-plan.ts';
import { databaseOf } from '../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../store/test-databases.ts';
import { useTestContext } from './app-test-support.ts';
import { importMapped } from './import-mapped.ts';
import { loadKpis } from './kpi/kpi-records.ts';
import {
  jimuBodyRows,
  jimuHeaderRows,
  jimuTitledSheet,
  YEARS,
} from './mapping/suggest-test-support.ts';

/** The documented mappings (docs/mappings/) drive these tests, so the docs cannot drift. */
const mappingJimu = JSON.parse(
  readFileSync(new URL('../../docs/mappings/jimu-jigyo-hyoka.json', import.meta.url), 'utf8'),
);
const keyedMapping = JSON.parse(
  readFileSync(new URL('../../docs/mappings/jimu-jigyo-keyed.json', import.meta.url), 'utf8'),
);
const mappingCsv = JSON.parse(
  readFileSync(new URL('../../docs/mappings/strategy-csv.json', import.meta.url), 'utf8'),
);

/**
 * A 事務事業評価シート集計表 as cities keep them: a title and unit row, two header rows with a
 * merged year cell over six funding sources and line breaks in headers, a furigana row, one row
 * per project, numbers partly stored as text, three indicators with targets and actuals.
 */
async function jimuWorkbook(edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const { wb, sheet } = jimuTitledSheet();
  const { top, bottom } = jimuHeaderRows();
  bottom.push('', '');
  sheet.addRow(top);
  sheet.addRow(bottom);
  for (let i = 0; i < YEARS.length; i++) sheet.mergeCells(3, 7 + i * 6, 3, 12 + i * 6);
  for (const row of jimuBodyRows()) sheet.addRow(row);
  edit?.(sheet);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * A workbook in mapping-v2 style: rows ordered by project number (not by the tree), the tree
 * keyed by code columns, a year block and two indicator blocks under merged labels over
 * identical headers, dash variants, a fraction of a yen, a same-named indicator pair, an
 * indicator without a target and evaluation texts mapped to words.
 */
async function keyedWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('事務事業');
  const indicatorHeads = ['指標名', '区分', '目標', '実績'];
  sheet.addRow([
    '政策コード',
    '政策名',
    '施策コード',
    '施策名',
    '事業番号',
    '事業名',
    '令和5年度',
    '',
    '指標1',
    '',
    '',
    '',
    '指標2',
    '',
    '',
    '',
    '方向性',
  ]);
  sheet.addRow([
    '',
    '',
    '',
    '',
    '',
    '',
    '事業費計（A）',
    '人件費',
    ...indicatorHeads,
    ...indicatorHeads,
    '',
  ]);
  sheet.mergeCells(1, 7, 1, 8);
  sheet.mergeCells(1, 9, 1, 12);
  sheet.mergeCells(1, 13, 1, 16);
  const none = ['', '', '', ''];
  sheet.addRow([
    '02',
    '活力',
    '0201',
    '産業',
    '0001',
    '甲',
    '1,355.3925',
    '10',
    '参加者数',
    '活動',
    '100',
    '80',
    '参加者数',
    '成果',
    '50',
    '40',
    '１ 現状維持',
  ]);
  sheet.addRow([
    '01',
    '安心',
    '0101',
    '子育て',
    '0002',
    '乙',
    '\u2010',
    '5',
    '相談件数',
    'アウトカム',
    '',
    '12',
    ...none,
    '2 改善',
  ]);
  sheet.addRow([
    '02',
    '活力',
    '0202',
    '観光',
    '0003',
    '丙',
    '300',
    '\u2013',
    '来訪者数',
    '成果',
    '1000',
    '\u2014',
    ...none,
    '',
  ]);
  sheet.addRow(['01', '', '0101', '', '0388', '丁', '200', '1', ...none, ...none, '2 改善']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const csvText = [
  '基本目標,施策,事業No,事業名,担当課,R3予算,R3決算,KPI,単位,目標値(R6),実績(R3)',
  '1. しごとをつくる,創業支援,1,創業支援事業,商工課,"1,200",980,創業件数,件,50,12',
  ',,2,企業誘致事業,企業立地課,500,-,誘致件数,件,10,2',
  '2. ひとを呼ぶ,移住促進,3,移住相談事業,企画課,322,490,相談件数,件,200,41',
].join('\r\n');

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(
    `importing through a column mapping on ${dialect}`,
    () => {
      const ctx = useTestContext(dialect);
      const base = { municipalityCode: '131016', municipalityName: '千代田区' };

      it('dry-runs a 事務事業評価 workbook: counts what maps to what, writes nothing', async () => {
        const progress: number[] = [];
        const outcome = await importMapped(ctx(), {
          ...base,
          bytes: await jimuWorkbook(),
          fileName: 'hyoka.xlsx',
          mapping: mappingJimu,
          dryRun: true,
          onProgress: (read, total) => progress.push(read / total),
        });
        expect(outcome.findings).toEqual([]);
        expect(outcome.written).toBe(false);
        expect(outcome.summary).toEqual({
          rows: 3,
          skippedRows: 1,
          projects: 3,
          nodes: [2, 2, 2],
          financeYears: 18,
          indicators: 5,
          actuals: 15,
          evaluations: 3,
          tags: 0,
          texts: 0,
          financeDetails: 0,
        });
        expect(progress.at(-1)).toBe(1);
        expect(
          (await databaseOf(ctx().store).selectFrom('plans').selectAll().execute()).length,
        ).toBe(0);
      });

      it('imports it: tree, finances summed by source (人件費 left out), KPIs and evaluations', async () => {
        const outcome = await importMapped(ctx(), {
          ...base,
          bytes: await jimuWorkbook(),
          fileName: 'hyoka.xlsx',
          mapping: mappingJimu,
        });
        expect(outcome.written).toBe(true);
        const plan = await databaseOf(ctx().store)
          .selectFrom('plans')
          .select('id')
          .executeTakeFirstOrThrow();
        const stored = await loadPlan(databaseOf(ctx().store), '131016', plan.id);
        const projects = allProjects(stored as NonNullable<typeof stored>);
        expect(projects.map((p) => p.no)).toEqual(['01-01-001', '01-01-002', '02-01-001']);
        expect(stored?.nodes.map((n) => n.title)).toEqual([
          '1 安心して暮らせるまち',
          '2 活力あるまち',
        ]);
        // R2 (2020) of 待機児童解消事業: 1201 + 100 + 0 + 5 + 122 千円; 人件費 900 is not 事業費.
        expect(projects[0]?.finances.find((f) => f.fiscalYear === 2020)?.settlement).toBe(
          1_428_000,
        );
        // "1,100" stored as text reads as 1,100 千円.
        expect(projects[1]?.finances.find((f) => f.fiscalYear === 2019)?.settlement).toBe(
          (300 + 1100 + 0 + 5 + 30) * 1000,
        );
        const kpis = await loadKpis(ctx(), '131016', plan.id);
        expect(kpis.map((k) => k.definition.name)).toEqual([
          '保育所定員',
          '研修回数',
          '満足度',
          '利用者数',
          '創業件数',
        ]);
        expect(kpis[2]?.actuals.map((a) => a.value)).toEqual([70.5, 72, 75]);
        const evaluation = await databaseOf(ctx().store)
          .selectFrom('evaluations')
          .select(['policy'])
          .orderBy('project_id')
          .execute();
        expect(evaluation.map((e) => e.policy)).toEqual(['拡充', '継続', '改善']);
      });

      it('reports every unreadable cell with its sheet and address, and writes nothing', async () => {
        const before = await databaseOf(ctx().store)
          .selectFrom('project_finances')
          .selectAll()
          .execute();
        const bytes = await jimuWorkbook((sheet) => {
          sheet.getCell('G6').value = '約千円';
          sheet.getCell('AS7').value = 'たくさん';
          sheet.getCell('D8').value = '01-01-001';
        });
        const outcome = await importMapped(ctx(), {
          ...base,
          bytes,
          fileName: 'bad.xlsx',
          mapping: mappingJimu,
        });
        expect(outcome.written).toBe(false);
        expect(
          outcome.findings.map((f) => [f.code, f.location?.sheet, f.location?.cell, f.found]),
        ).toEqual([
          ['amount.not-a-number', '事務事業評価集計表', 'G6', '約千円'],
          ['mapping.not-a-number', '事務事業評価集計表', 'AS7', 'たくさん'],
          ['project.duplicate-no', '事務事業評価集計表', 'D8', '01-01-001'],
        ]);
        expect(
          await databaseOf(ctx().store).selectFrom('project_finances').selectAll().execute(),
        ).toEqual(before);
      });

      it('names a mapped column that is not in the sheet', async () => {
        const wrong = structuredClone(mappingJimu);
        wrong.columns.department = { header: '所管課' };
        const outcome = await importMapped(ctx(), {
          ...base,
          bytes: await jimuWorkbook(),
          fileName: 'h.xlsx',
          mapping: wrong,
        });
        expect(outcome.findings.map((f) => [f.code, f.found])).toEqual([
          ['mapping.column-not-found', '{"header":"所管課"}'],
        ]);
      });

      it('imports a Shift_JIS CSV of another layout with its own mapping', async () => {
        const outcome = await importMapped(ctx(), {
          municipalityCode: '012050',
          municipalityName: '室蘭市',
          title: '総合戦略 R3',
          bytes: iconv.encode(csvText, 'cp932'),
          fileName: 'strategy.csv',
          mapping: mappingCsv,
        });
        expect(outcome.findings).toEqual([]);
        expect(outcome.summary?.projects).toBe(3);
        const plan = await databaseOf(ctx().store)
          .selectFrom('plans')
          .select('id')
          .where('municipality_code', '=', '012050')
          .executeTakeFirstOrThrow();
        const stored = await loadPlan(databaseOf(ctx().store), '012050', plan.id);
        const p = allProjects(stored as NonNullable<typeof stored>);
        expect(p.map((x) => [x.no, x.finances[0]?.budget, x.finances[0]?.settlement])).toEqual([
          ['1', 1_200_000, 980_000],
          ['2', 500_000, null],
          ['3', 322_000, 490_000],
        ]);
      });

      it('refuses a mapped import into a published year, naming the year, writing nothing', async () => {
        const plan = await databaseOf(ctx().store)
          .selectFrom('plans')
          .select('id')
          .where('municipality_code', '=', '012050')
          .where('title', '=', '総合戦略 R3')
          .executeTakeFirstOrThrow();
        await databaseOf(ctx().store)
          .insertInto('plan_years')
          .values({
            plan_id: plan.id,
            municipality_code: '012050',
            fiscal_year: 2021,
            status: 'published',
            updated_at: ctx().now(),
            updated_by: null,
            published_at: ctx().now(),
            publish_override: null,
          })
          .execute();
        const before = await databaseOf(ctx().store)
          .selectFrom('project_finances')
          .selectAll()
          .where('municipality_code', '=', '012050')
          .orderBy('project_id')
          .execute();
        const runs = await databaseOf(ctx().store).selectFrom('import_runs').selectAll().execute();
        const outcome = await importMapped(ctx(), {
          municipalityCode: '012050',
          title: '総合戦略 R3',
          bytes: iconv.encode(csvText.replace('"1,200"', '"9,999"'), 'cp932'),
          fileName: 'strategy-edited.csv',
          mapping: mappingCsv,
        });
        expect(outcome.written).toBe(false);
        expect(outcome.findings.map((f) => [f.code, f.params?.fiscalYear])).toEqual([
          ['year.locked', 2021],
        ]);
        expect(
          await databaseOf(ctx().store)
            .selectFrom('project_finances')
            .selectAll()
            .where('municipality_code', '=', '012050')
            .orderBy('project_id')
            .execute(),
        ).toEqual(before);
        expect(
          await databaseOf(ctx().store).selectFrom('import_runs').selectAll().execute(),
        ).toEqual(runs);
      });

      it('stores what the dry run counted: the same projects, nodes, finances, KPIs, values, evaluations', async () => {
        const input = {
          municipalityCode: '272035',
          municipalityName: '豊中市',
          bytes: await keyedWorkbook(),
          fileName: 'keyed.xlsx',
          mapping: keyedMapping,
        };
        const dry = await importMapped(ctx(), { ...input, dryRun: true });
        expect(dry.findings.map((f) => [f.severity, f.code, f.location?.cell])).toEqual([
          ['warning', 'mapping.indicator-renamed', 'M3'],
          ['info', 'mapping.amounts-rounded', undefined],
        ]);
        const outcome = await importMapped(ctx(), input);
        expect(outcome.written).toBe(true);
        const planId = (await ctx().store.plans.findId('272035', '総合計画 事務事業')) as number;
        const plan = await ctx().store.plans.load('272035', planId);
        if (!plan) throw new Error('not stored');
        const kpis = await ctx().store.kpis.list('272035', planId);
        const evaluations = await ctx().store.evaluations.list('272035', planId, 2023);
        const perLevel = (nodes: typeof plan.nodes): number[] =>
          nodes.length === 0
            ? []
            : [nodes.length, ...perLevel(nodes.flatMap((n) => n.children))].filter((n) => n > 0);
        const projects = allProjects(plan);
        expect({
          projects: projects.length,
          nodes: perLevel(plan.nodes),
          financeYears: projects.reduce((n, p) => n + p.finances.length, 0),
          indicators: kpis.length,
          actuals: kpis.reduce((n, k) => n + k.actuals.length, 0),
          evaluations: evaluations.size,
        }).toEqual({
          projects: dry.summary?.projects,
          nodes: dry.summary?.nodes,
          financeYears: dry.summary?.financeYears,
          indicators: dry.summary?.indicators,
          actuals: dry.summary?.actuals,
          evaluations: dry.summary?.evaluations,
        });
        expect(dry.summary).toMatchObject({ projects: 4, nodes: [2, 3], indicators: 4 });
        // The tree by code, whatever the row order; codes and "0388" kept as written.
        expect(plan.nodes.map((n) => [n.code, n.title, n.children.map((c) => c.code)])).toEqual([
          ['01', '安心', ['0101']],
          ['02', '活力', ['0201', '0202']],
        ]);
        expect(projects.map((p) => p.no)).toEqual(['0002', '0388', '0001', '0003']);
        expect(projects.find((p) => p.no === '0001')?.finances).toEqual([
          { fiscalYear: 2023, budget: null, settlement: 1_355_393 },
        ]);
        expect(
          kpis.map((k) => [k.definition.name, k.definition.category, k.definition.target?.value]),
        ).toEqual([
          ['参加者数', 'activity', 100],
          ['参加者数（2）', 'outcome', 50],
          ['相談件数', 'outcome', undefined],
          ['来訪者数', 'outcome', 1000],
        ]);
        expect([...evaluations.values()].map((e) => e.policy).sort()).toEqual(
          ['継続', '改善', '改善'].sort(),
        );
      });

      it('refuses a mapping file that does not fit the format, naming the field', async () => {
        await expect(
          importMapped(ctx(), {
            ...base,
            bytes: new Uint8Array(),
            fileName: 'x.csv',
            mapping: { format: 'sousei-mapping', version: 1 },
          }),
        ).rejects.toMatchObject({ code: 'invalid-input', messageKey: 'mapping.invalid' });
      });
    },
  );
}
