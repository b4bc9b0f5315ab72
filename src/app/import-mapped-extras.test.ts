import { describe, expect, it } from 'vitest';
import { allProjects, type Plan } from '../core/plan.ts';
import { loadPlan } from '../store/load-plan.ts';
import { databaseOf } from '../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../store/test-databases.ts';
import { useTestContext } from './app-test-support.ts';
import { importMapped } from './import-mapped.ts';

/**
 * What a city's workbook holds beyond 予算・決算 (issue 10), through the import use case: flag
 * columns as tags, 前年度実績・今年度計画 as results and activities, and each year's funding
 * sources, 人件費 and トータルコスト as its cost breakdown.
 */
const csv = [
  '政策,事業番号,事業名,総合戦略,重点,R5予算,R5決算,R5国庫支出金,R5一般財源,R5人件費,R5トータルコスト,R6予算,R6人件費,前年度実績,今年度計画',
  'しごと,0388,創業支援,○,×,"1,200",980,500,480,"7,900.5",8880.5,"1,300",-,"・相談 41件\n・セミナー 3回","①相談窓口\n②補助金"',
  'しごと,0389,企業誘致,△,有,500,-,-,―,-,-,-,200,誘致活動を行った。,-',
  'ひと,0390,移住促進,〇,,-,-,-,-,-,-,-,-,,',
].join('\r\n');

const header = (h: string) => ({ header: h });
const mapping = {
  format: 'sousei-mapping',
  version: 2,
  headerRows: [1],
  dataStartRow: 2,
  plan: {
    title: '事務事業評価',
    kind: '事務事業評価',
    levels: ['政策', '事業'],
    firstFiscalYear: 2023,
    lastFiscalYear: 2024,
  },
  amountUnit: '千円',
  columns: {
    levels: [header('政策')],
    projectNo: header('事業番号'),
    projectName: header('事業名'),
  },
  tags: [
    { name: '総合戦略', column: header('総合戦略'), when: ['○', '〇'] },
    { name: '重点', column: header('重点') },
  ],
  texts: [
    { fiscalYear: 2023, kind: 'result', column: header('前年度実績') },
    { fiscalYear: 2024, kind: 'activity', column: header('今年度計画') },
  ],
  finances: [
    {
      fiscalYear: 2023,
      budget: header('R5予算'),
      settlement: header('R5決算'),
      details: [
        { label: '国庫支出金', kind: 'source', amount: header('R5国庫支出金') },
        { label: '一般財源', kind: 'source', amount: header('R5一般財源') },
        { label: '人件費', kind: 'staff', amount: header('R5人件費') },
        { label: 'トータルコスト', kind: 'total', amount: header('R5トータルコスト') },
      ],
    },
    {
      fiscalYear: 2024,
      budget: header('R6予算'),
      details: [{ label: '人件費', kind: 'staff', amount: header('R6人件費') }],
    },
  ],
};

const base = {
  municipalityCode: '131016',
  municipalityName: '千代田区',
  fileName: 'hyoka.csv',
  bytes: new TextEncoder().encode(csv),
};

const r5 = (a: (number | null)[]) =>
  ['国庫支出金', '一般財源', '人件費', 'トータルコスト'].map((label, i) => ({
    label,
    kind: i < 2 ? 'source' : i === 2 ? 'staff' : 'total',
    amount: a[i] ?? null,
  }));

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(
    `mapped tags, texts and details on ${dialect}`,
    () => {
      const ctx = useTestContext(dialect);
      const stored = async (): Promise<Plan> => {
        const plan = await databaseOf(ctx().store)
          .selectFrom('plans')
          .select('id')
          .executeTakeFirstOrThrow();
        return (await loadPlan(databaseOf(ctx().store), '131016', plan.id)) as Plan;
      };

      it('imports flags as tags, texts as results and activities, and each year breakdown', async () => {
        const outcome = await importMapped(ctx(), { ...base, mapping });
        expect(outcome.findings).toEqual([]);
        expect(outcome.written).toBe(true);
        const [p388, p389, p390] = allProjects(await stored());
        expect(p388?.tags).toEqual(['総合戦略']);
        expect(p389?.tags).toEqual(['重点']);
        expect(p390?.tags).toEqual(['総合戦略']);
        expect(p388?.finances).toEqual([
          {
            fiscalYear: 2023,
            budget: 1_200_000,
            settlement: 980_000,
            details: r5([500_000, 480_000, 7_900_500, 8_880_500]),
          },
          {
            fiscalYear: 2024,
            budget: 1_300_000,
            settlement: null,
            details: [{ label: '人件費', kind: 'staff', amount: null }],
          },
        ]);
        // A year with 予算 keeps its empty breakdown lines; a year with only 人件費 is kept too.
        expect(p389?.finances).toEqual([
          { fiscalYear: 2023, budget: 500_000, settlement: null, details: r5([]) },
          {
            fiscalYear: 2024,
            budget: null,
            settlement: null,
            details: [{ label: '人件費', kind: 'staff', amount: 200_000 }],
          },
        ]);
        expect(p390?.finances).toEqual([]);
        expect(
          p388?.activities.map((a) => [a.text, a.entries.map((e) => [e.fiscalYear, e.text])]),
        ).toEqual([
          ['', [[2023, '相談 41件']]],
          ['', [[2023, 'セミナー 3回']]],
          ['相談窓口', []],
          ['補助金', []],
        ]);
        expect(p388?.activities.map((a) => a.introducedIn)).toEqual([2023, 2023, 2024, 2024]);
        expect(p389?.activities.map((a) => a.entries[0]?.text)).toEqual(['誘致活動を行った。']);
        expect(p390?.activities).toEqual([]);
      });

      it('counts in the dry run exactly what the store holds', async () => {
        const outcome = await importMapped(ctx(), { ...base, mapping, dryRun: true });
        expect(outcome.summary).toMatchObject({
          projects: 3,
          financeYears: 4,
          tags: 3,
          texts: 5,
          financeDetails: 10,
        });
        const projects = allProjects(await stored());
        expect(projects.flatMap((p) => p.tags ?? [])).toHaveLength(outcome.summary?.tags ?? -1);
        expect(projects.flatMap((p) => p.activities)).toHaveLength(outcome.summary?.texts ?? -1);
        const details = await databaseOf(ctx().store)
          .selectFrom('project_finance_details')
          .select('label')
          .execute();
        expect(details).toHaveLength(outcome.summary?.financeDetails ?? -1);
      });

      it('names every tag, text or breakdown column that matches nothing, writing nothing', async () => {
        const wrong = structuredClone(mapping);
        wrong.tags[1] = { name: '重点', column: header('重点事業') };
        wrong.texts[0] = { fiscalYear: 2023, kind: 'result', column: header('実績') };
        const details = wrong.finances[1]?.details;
        if (details) details[0] = { label: '人件費', kind: 'staff', amount: header('R7人件費') };
        const outcome = await importMapped(ctx(), { ...base, mapping: wrong });
        expect(outcome.written).toBe(false);
        expect(outcome.findings.map((f) => [f.code, f.location?.path])).toEqual([
          ['mapping.column-not-found', 'finances.1.details.0.amount'],
          ['mapping.column-not-found', 'tags.1.column'],
          ['mapping.column-not-found', 'texts.0.column'],
        ]);
      });

      it('reports an unreadable breakdown amount with its cell', async () => {
        const bytes = new TextEncoder().encode(csv.replace('"7,900.5"', 'たくさん'));
        const outcome = await importMapped(ctx(), { ...base, bytes, mapping });
        expect(outcome.written).toBe(false);
        expect(outcome.findings.map((f) => [f.code, f.location?.cell, f.found])).toEqual([
          ['amount.not-a-number', 'J2', 'たくさん'],
        ]);
      });
    },
  );
}
