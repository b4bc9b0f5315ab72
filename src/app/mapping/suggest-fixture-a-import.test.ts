import { describe, expect, it } from 'vitest';
import type { ExpectedProject } from '../../../test/fixtures/workbooks/expected-plan.ts';
import { POLICY_VALUES } from '../../../test/fixtures/workbooks/jimu-hyoka-model.ts';
import { jimuHyokaWorkbook } from '../../../test/fixtures/workbooks/jimu-hyoka-workbook.ts';
import { allProjects, type Plan, type Project } from '../../core/plan.ts';
import { loadPlan } from '../../store/load-plan.ts';
import { databaseOf } from '../../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { useTestContext } from '../app-test-support.ts';
import { importFile } from '../import/import-file.ts';
import { suggestMappingForFile } from './suggest-mapping-for-file.ts';

/** A city that kept its own 今後の方針 words (the fixture's 継続・改善・拡充・縮小・廃止). */
const CITY_POLICIES = [...new Set(Object.values(POLICY_VALUES))];
const CITY = '131016';

/** What the fixture says of a project beyond its amounts, in the shape the store is read to. */
function expectedExtras(p: ExpectedProject) {
  // A year with no amount at all (an ended project's R7, all dashes) is not stored.
  const filledYears = new Set(p.details.filter((d) => d.yen !== null).map((d) => d.fiscalYear));
  return {
    no: p.no,
    tags: p.tags,
    details: p.details
      .filter((d) => filledYears.has(d.fiscalYear))
      .map((d) => [d.fiscalYear, d.label, d.kind, d.yen]),
    activities: p.activities,
    results: p.results.map((r) => [r.fiscalYear, r.text]),
  };
}

function storedExtras(p: Project) {
  return {
    no: p.no,
    tags: p.tags ?? [],
    details: p.finances.flatMap((f) =>
      (f.details ?? []).map((d) => [f.fiscalYear, d.label, d.kind, d.amount]),
    ),
    activities: p.activities.filter((a) => a.entries.length === 0).map((a) => a.text),
    results: p.activities.flatMap((a) =>
      a.entries.filter((e) => e.kind === 'result').map((e) => [e.fiscalYear, e.text]),
    ),
  };
}

/**
 * Fixture a (the 事務事業評価 workbook) imported with the suggested mapping as it comes:
 * its 総合戦略 flags, 前年度実績・今年度計画, each year's breakdown and 「１ 現状維持」 policies are
 * stored as the fixture's expected plan says, and the dry run counts what the store holds.
 */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(
    `fixture a with the suggestion, on ${dialect}`,
    () => {
      const ctx = useTestContext(dialect);

      it('stores tags, texts, finance details and the mapped policies the fixture expects', async () => {
        const { bytes, model } = await jimuHyokaWorkbook(40, 10);
        const s = await suggestMappingForFile({
          bytes,
          fileName: 'hyoka.xlsx',
          policies: CITY_POLICIES,
        });
        expect(s.questions.filter((q) => q.code === 'suggest.policy-unplaced')).toEqual([]);
        const input = {
          bytes,
          fileName: 'hyoka.xlsx',
          mapping: s.mapping,
          municipalityCode: CITY,
          municipalityName: '千代田区',
        };
        const dry = await importFile(ctx(), { ...input, dryRun: true });
        expect(dry.findings.filter((f) => f.severity === 'error')).toEqual([]);
        const real = await importFile(ctx(), input);
        expect(real.summary).toEqual(dry.summary);

        const db = databaseOf(ctx().store);
        const { id } = await db.selectFrom('plans').select('id').executeTakeFirstOrThrow();
        const projects = allProjects((await loadPlan(db, CITY, id)) as Plan);
        const byNo = (a: { no: string }, b: { no: string }) => a.no.localeCompare(b.no);
        const expected = [...model.expected.projects].sort(byNo);
        expect(projects.map(storedExtras).sort(byNo)).toEqual(expected.map(expectedExtras));

        const policies = await db
          .selectFrom('evaluations')
          .innerJoin('projects', 'projects.id', 'evaluations.project_id')
          .select(['projects.no', 'evaluations.fiscal_year', 'evaluations.policy'])
          .where('evaluations.municipality_code', '=', CITY)
          .execute();
        expect(policies.map((p) => [p.no, p.fiscal_year, p.policy]).sort()).toEqual(
          expected.map((p) => [p.no, p.evaluation?.fiscalYear, p.evaluation?.policy]).sort(),
        );
        // 課題・改善点 is the evaluation's comment.
        const comments = await db
          .selectFrom('evaluation_comments')
          .innerJoin('projects', 'projects.id', 'evaluation_comments.project_id')
          .select(['projects.no', 'evaluation_comments.text'])
          .where('evaluation_comments.municipality_code', '=', CITY)
          .execute();
        expect(comments.map((c) => [c.no, c.text]).sort()).toEqual(
          expected
            .flatMap((p) => (p.evaluation?.comment ? [[p.no, p.evaluation.comment]] : []))
            .sort(),
        );

        // The dry run's counts are what the store holds.
        const details = await db
          .selectFrom('project_finance_details')
          .select('label')
          .where('municipality_code', '=', CITY)
          .execute();
        expect(dry.summary).toMatchObject({
          tags: projects.filter((p) => (p.tags ?? []).length > 0).length,
          texts: projects.reduce((n, p) => n + p.activities.length, 0),
          financeDetails: details.length,
          evaluations: policies.length,
        });
        expect(details.length).toBeGreaterThan(0);
      });
    },
  );
}
