import { describe, expect, it } from 'vitest';
import { DIALECTS, dialectAvailable } from '../store/test-databases.ts';
import { useTestContext } from './app-test-support.ts';
import { importMapped } from './import-mapped.ts';
import { planDocumentOf } from './plan-document.ts';
import { loadPlanView } from './views/plan-view.ts';

/**
 * The yearly workflow of a mapped workbook: each year's file rebuilds the activities from its
 * text columns, so a later year's results fall on the places of the published year's. They are
 * kept as published; a file repeating them unchanged passes, one changing them is refused.
 */
const CODE = '131016';
const header = (h: string) => ({ header: h });

/** A mapping of one row per project: the results of `years` (R4実績…), the budget of the last. */
function mappingFor(years: number[]) {
  const label = (fy: number) => `R${fy - 2018}`;
  const last = years[years.length - 1] as number;
  return {
    format: 'sousei-mapping',
    version: 2,
    headerRows: [1],
    dataStartRow: 2,
    plan: {
      title: '事務事業評価',
      kind: '事務事業評価',
      levels: ['政策', '事業'],
      firstFiscalYear: 2022,
      lastFiscalYear: 2024,
    },
    amountUnit: '千円',
    columns: {
      levels: [header('政策')],
      projectNo: header('事業番号'),
      projectName: header('事業名'),
    },
    texts: years.map((fy) => ({
      fiscalYear: fy,
      kind: 'result',
      column: header(`${label(fy)}実績`),
    })),
    finances: [{ fiscalYear: last, budget: header(`${label(last)}予算`) }],
  };
}

/** The workbook as CSV: results by year (`R4実績` → its cell), then the budget. */
function file(results: Record<string, string>, budget: string) {
  const years = Object.keys(results);
  const last = years[years.length - 1];
  return [
    ['政策', '事業番号', '事業名', ...years.map((y) => `${y}実績`), `${last}予算`].join(','),
    ['しごと', '0388', '創業支援', ...years.map((y) => `"${results[y]}"`), budget].join(','),
  ].join('\r\n');
}

const run = (csv: string, years: number[], dryRun = false) => ({
  municipalityCode: CODE,
  municipalityName: '千代田区',
  fileName: 'hyoka.csv',
  bytes: new TextEncoder().encode(csv),
  mapping: mappingFor(years),
  dryRun,
});

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(
    `a mapped yearly import over R4 published on ${dialect}`,
    () => {
      const ctx = useTestContext(dialect);
      /** The public's view of the plan (what the pages, the API and the reports read). */
      const publicEntries = async (planId: number, fiscalYear: number) => {
        const doc = await planDocumentOf(
          ctx(),
          await loadPlanView(ctx(), null, CODE, planId, { readOnly: true }),
        );
        return JSON.stringify(doc)
          .match(/"kind":"result","fiscalYear":\d+,"yearLabel":[^,]*,"text":"[^"]*"/g)
          ?.filter((e) => e.includes(`"fiscalYear":${fiscalYear}`));
      };

      it('keeps the R4 results of a later year file, passes them repeated, refuses them changed', async () => {
        const r4 = { R4: '・相談 41件\n・セミナー 3回' };
        expect((await importMapped(ctx(), run(file(r4, '1,200'), [2022]))).findings).toEqual([]);
        const planId = (await ctx().store.plans.findId(CODE, '事務事業評価')) as number;
        const scope = { municipalityCode: CODE, planId };
        await ctx().store.years.setUp({
          ...scope,
          fiscalYear: 2022,
          status: 'published',
          at: ctx().now(),
        });
        const published = await publicEntries(planId, 2022);
        expect(published).toEqual([
          '"kind":"result","fiscalYear":2022,"yearLabel":null,"text":"相談 41件"',
          '"kind":"result","fiscalYear":2022,"yearLabel":null,"text":"セミナー 3回"',
        ]);
        // The R5 workbook: its results fall where R4's were.
        const r5 = { R5: '・相談 50件\n・セミナー 5回' };
        const next = await importMapped(ctx(), run(file(r5, '1,300'), [2023]));
        expect(next.findings).toEqual([]);
        expect(next.written).toBe(true);
        expect(await publicEntries(planId, 2022)).toEqual(published);
        const loaded = await ctx().store.plans.load(CODE, planId);
        const texts = loaded?.nodes[0]?.projects[0]?.activities.map((a) =>
          a.entries.map((e) => `${e.fiscalYear} ${e.text}`),
        );
        expect(texts).toEqual([
          ['2022 相談 41件', '2023 相談 50件'],
          ['2022 セミナー 3回', '2023 セミナー 5回'],
        ]);
        // The R5 workbook still carrying R4's column, unchanged: passes.
        const both = await importMapped(ctx(), run(file({ ...r4, ...r5 }, '1,300'), [2022, 2023]));
        expect(both.findings).toEqual([]);
        expect(both.written).toBe(true);
        expect(await publicEntries(planId, 2022)).toEqual(published);
        // R4's column changed: refused in the dry run as in the import, the project and cell named.
        const changed = { R4: '・相談 45件\n・セミナー 3回', ...r5 };
        for (const dryRun of [true, false]) {
          const refused = await importMapped(
            ctx(),
            run(file(changed, '1,300'), [2022, 2023], dryRun),
          );
          expect(refused.written).toBe(false);
          expect(
            refused.findings.map((f) => [f.code, f.location, f.params?.stored, f.params?.text]),
          ).toEqual([
            [
              'keep.entry-changed.published',
              { file: 'hyoka.csv', projectNo: '0388', fiscalYear: 2022 },
              '相談 41件',
              '相談 45件',
            ],
          ]);
          // A result of its own is named by its words, as published.
          expect(refused.findings[0]?.params?.title).toBe('相談 41件');
        }
        expect(await publicEntries(planId, 2022)).toEqual(published);
      });
    },
  );
}
