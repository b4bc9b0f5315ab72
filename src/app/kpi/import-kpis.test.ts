import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SouseiError } from '../../core/errors.ts';
import { parseCsv } from '../../formats/csv/csv-grid.ts';
import { formatFinding } from '../../i18n/format-finding.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { importKpis, type KpiImportInput } from './import-kpis.ts';
import { formatKpiChange } from './kpi-import-changes.ts';
import { loadKpis } from './kpi-records.ts';
import { EMAIL, type KpiWorld, kpiWorld } from './kpi-test-support.ts';

const SAMPLE = new URL('../../../samples/muroran-kpis.csv', import.meta.url);
const sampleText = readFileSync(SAMPLE, 'utf8');
const DOCS = new URL('../../../docs/kpi-import.md', import.meta.url);
const HEADER =
  '区分,対象,指標名,単位,方向,種類,基準値,基準年度,目標値,目標年度,目標_R3,実績_R3,実績日_R3,出典_R3';

const csv = (text: string, extra: Partial<KpiImportInput> = {}): KpiImportInput => ({
  fileName: 'kpis.csv',
  bytes: new TextEncoder().encode(text),
  municipalityCode: '012050',
  ...extra,
});

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`KPI import on ${dialect}`, () => {
    let w: KpiWorld;
    beforeAll(async () => {
      w = await kpiWorld(dialect);
    });
    afterAll(() => w?.close());

    const operator = { operator: true } as const;
    const snapshot = async () => {
      const db = databaseOf(w.ctx.store);
      return {
        kpis: await db.selectFrom('kpis').selectAll().orderBy('id').execute(),
        targets: await db
          .selectFrom('kpi_year_targets')
          .selectAll()
          .orderBy('kpi_id')
          .orderBy('fiscal_year')
          .execute(),
        actuals: await db
          .selectFrom('kpi_actuals')
          .selectAll()
          .orderBy('kpi_id')
          .orderBy('fiscal_year')
          .execute(),
      };
    };

    it('reports every bad cell at once, with line, column, expected and found; writes nothing', async () => {
      const bad = [
        HEADER,
        // 区分 unreadable, 目標値 with a unit, 実績日 not a date
        '目標,1,相談件数,件,高,単年度,,,60件,R6,,52,3月末,',
        // project 99 does not exist; baseline without its year; 方向 unreadable
        '事業,99,相談件数,件,上下,累計,10,,60,R6,,,,',
        // measure not in the plan; 出典 without 実績; year target unreadable
        '施策,存在しない施策,移住者数,人,高,単年度,,,100,R6,たくさん,,,統計',
      ].join('\r\n');
      const outcome = await importKpis(w.ctx, operator, csv(bad));
      expect(outcome.written).toBe(false);
      const errors = outcome.findings.filter((f) => f.severity === 'error');
      const where = errors.map((f) => [f.location?.line, f.location?.columnName, f.found]);
      expect(where).toEqual(
        expect.arrayContaining([
          [2, '区分', '目標'],
          [2, '目標値', '60件'],
          [2, '実績日_R3', '3月末'],
          [3, '方向', '上下'],
          [3, '基準年度', ''],
          [4, '目標_R3', 'たくさん'],
          [4, '出典_R3', '統計'],
        ]),
      );
      // Rows whose cells read are checked against the plan too.
      expect(where).toEqual(expect.arrayContaining([[4, '対象', '存在しない施策']]));
      const text = errors.map((f) => formatFinding(f)).join('\n');
      expect(text).toContain('2 行目 9 列目（目標値）: 読めません。期待: 数値');
      expect(text).toContain('実際: 「60件」');
      expect(text).toContain('4 行目 2 列目（対象）: この施策は計画にありません');
      expect(await loadKpis(w.ctx, '012050', w.planId)).toEqual([]);
    });

    it('refuses a file with unknown, duplicate or missing columns', async () => {
      const outcome = await importKpis(
        w.ctx,
        operator,
        csv('区分,対象,指標名,単位,方向,種類,目標値,目標値,メモ\n事業,1,a,件,高,単年度,1,1,x\n'),
      );
      const codes = outcome.findings.map((f) => f.code);
      expect(codes).toContain('kpi.import.duplicate-column');
      expect(codes).toContain('kpi.import.unknown-column');
      expect(codes.filter((c) => c === 'kpi.import.missing-column')).toHaveLength(3);
      expect(outcome.written).toBe(false);
    });

    it('only administrators import from the web', async () => {
      for (const email of [EMAIL.industry, EMAIL.committee]) {
        const error = await importKpis(
          w.ctx,
          { actor: await w.actor(email) },
          csv(sampleText, { planId: w.planId }),
        ).catch((e: unknown) => e);
        expect((error as SouseiError).code).toBe('forbidden');
      }
      expect(await loadKpis(w.ctx, '012050', w.planId)).toEqual([]);
    });

    it('imports the documented sample; actuals of the published year are reported, not written', async () => {
      const dry = await importKpis(w.ctx, operator, csv(sampleText, { dryRun: true }));
      expect(dry.written).toBe(false);
      expect(dry.changes).toHaveLength(7);
      expect(await loadKpis(w.ctx, '012050', w.planId)).toEqual([]);

      const outcome = await importKpis(
        w.ctx,
        { actor: await w.actor(EMAIL.admin) },
        csv(sampleText, { fileName: 'muroran-kpis.csv', planId: w.planId }),
      );
      expect(outcome.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(outcome.written).toBe(true);
      expect(outcome.rows).toBe(4);
      expect(outcome.changes.map((c) => c.kind)).toEqual([
        'added',
        'added',
        'actual-added',
        'added',
        'actual-added',
        'added',
        'actual-added',
      ]);
      expect(outcome.changes.map(formatKpiChange)).toContain(
        '施策「地元企業への就職促進とUIターン の推進」に KPI「移住相談件数」（件）を追加',
      );
      expect(outcome.findings.map((f) => formatFinding(f))).toEqual([
        '警告 muroran-kpis.csv 3 行目 13 列目（実績_R2）: 令和2年度 (R2) は「公表済み」のため、この実績は取り込みません 実際: 「41」',
      ]);
      const kpis = await loadKpis(w.ctx, '012050', w.planId);
      const byName = (name: string) => kpis.find((k) => k.definition.name === name);
      expect(byName('移住相談件数')?.definition).toMatchObject({
        baseline: { value: 30, fiscalYear: 2019 },
        target: { value: 60, fiscalYear: 2024 },
        yearTargets: [
          { fiscalYear: 2021, value: 40 },
          { fiscalYear: 2022, value: 45 },
        ],
      });
      expect(byName('移住相談件数')?.actuals).toEqual([
        {
          fiscalYear: 2021,
          value: 52,
          asOf: '2022-03-31',
          source: '移住推進事業の実績',
          entryId: null,
        },
      ]);
      expect(byName('市内事業所の従業者数')?.definition.target?.value).toBe(40_500);
      expect(byName('移住促進ホームページのビュー数')).toMatchObject({
        scope: 'project',
        projectId: w.project('1'),
        definition: { kind: 'cumulative', baseline: null },
        actuals: [{ fiscalYear: 2021, value: 8120 }],
      });
      expect(byName('待機児童数')?.definition.direction).toBe('lower');
    });

    it('importing the same file again changes nothing, whatever its encoding', async () => {
      const before = await snapshot();
      for (const bytes of [
        new TextEncoder().encode(sampleText),
        new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sampleText)]),
        new Uint8Array(iconv.encode(sampleText.replaceAll('\n', '\r\n'), 'Shift_JIS')),
      ]) {
        const again = await importKpis(w.ctx, operator, { ...csv(''), bytes });
        expect(again.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(again.changes).toEqual([]);
        expect(again.written).toBe(false);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('re-importing updates the KPI matched by scope, owner and name in place', async () => {
      const before = await loadKpis(w.ctx, '012050', w.planId);
      const changed = sampleText
        .replace(',60,R6,40,45,41,', ',70,R6,40,,41,')
        .replace(',52,R4.3.31,', ',53,R4.3.31,');
      const outcome = await importKpis(w.ctx, operator, csv(changed));
      expect(outcome.changes.map(formatKpiChange)).toEqual([
        '「地元企業への就職促進とUIターン の推進」の KPI「移住相談件数」の定義を変更（目標値・年度ごとの目標）',
        '「地元企業への就職促進とUIターン の推進」の KPI「移住相談件数」令和3年度 (R3) の実績: 52 → 53 件',
      ]);
      const after = await loadKpis(w.ctx, '012050', w.planId);
      expect(after.map((k) => k.id)).toEqual(before.map((k) => k.id));
      const kpi = after.find((k) => k.definition.name === '移住相談件数');
      expect(kpi?.definition.target?.value).toBe(70);
      expect(kpi?.definition.yearTargets).toEqual([{ fiscalYear: 2021, value: 40 }]);
      expect(kpi?.actuals[0]?.value).toBe(53);
    });

    it('a file naming the same KPI twice is refused', async () => {
      const twice = [
        HEADER,
        '事業,1,相談,件,高,単年度,,,1,R6',
        '事業,１,相談,件,高,単年度,,,2,R6',
      ].join('\n');
      const outcome = await importKpis(w.ctx, operator, csv(twice));
      expect(outcome.findings).toMatchObject([
        { code: 'kpi.import.duplicate-row', location: { line: 3 }, params: { firstLine: 2 } },
      ]);
    });

    it('reads rows of cells from another format (an xlsx sheet) the same way', async () => {
      const rows = parseCsv(
        `${HEADER}\n事業,2,説明会参加者数,人,高,単年度,,,100,R6,,78,2022-03-31,`,
      );
      const outcome = await importKpis(w.ctx, operator, {
        fileName: 'kpis.xlsx',
        rows,
        municipalityCode: '012050',
      });
      expect(outcome.changes.map((c) => c.kind)).toEqual(['added', 'actual-added']);
    });

    it('the example in docs/kpi-import.md is the sample file', () => {
      const docs = readFileSync(DOCS, 'utf8');
      const block = /```csv\n([\s\S]*?)```/.exec(docs)?.[1];
      expect(block).toBe(sampleText);
    });
  });
}
