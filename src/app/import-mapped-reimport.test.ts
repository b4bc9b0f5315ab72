import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jisshiKeikakuWorkbook } from '../../test/fixtures/workbooks/jisshi-keikaku.ts';
import { databaseOf } from '../store/raw-database.ts';
import {
  createTestDatabase,
  DIALECTS,
  dialectAvailable,
  type TestDatabase,
} from '../store/test-databases.ts';
import { type AppContext, openAppContext } from './app-context.ts';
import { importMapped } from './import-mapped.ts';
import { loadKpis } from './kpi/kpi-records.ts';

/**
 * Re-importing a city's workbook (issue 10): the same file again changes nothing, so it writes
 * no KPI or evaluation history and no second copy of a comment; what did change is one record.
 */
const mapping = JSON.parse(
  readFileSync(new URL('../../docs/mappings/jisshi-keikaku.json', import.meta.url), 'utf8'),
);
const CODE = '131016';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`re-importing fixture c on ${dialect}`, () => {
    let database: TestDatabase;
    let ctx: AppContext;
    let bytes: Uint8Array;
    let planId: number;
    const db = () => databaseOf(ctx.store);
    const run = () =>
      importMapped(ctx, {
        bytes,
        fileName: 'jisshi.xlsx',
        mapping,
        municipalityCode: CODE,
        municipalityName: '千代田区',
      });
    /** The KPI and evaluation history of the plan (the plan's own rows are another module's). */
    const kpiAndEvaluationChanges = async () =>
      (await db().selectFrom('changes').select(['target']).where('plan_id', '=', planId).execute())
        .map((r) => JSON.parse(r.target).type as string)
        .filter((t) => t.startsWith('kpi') || t.startsWith('evaluation'));
    const comments = async () =>
      (await db().selectFrom('evaluation_comments').select('id').execute()).length;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      ctx = await openAppContext(database.url);
      bytes = (await jisshiKeikakuWorkbook(40)).bytes;
      const first = await run();
      expect(first.findings).toEqual([]);
      const plan = await db().selectFrom('plans').select('id').executeTakeFirstOrThrow();
      planId = plan.id;
    });
    afterAll(async () => {
      await ctx?.store.close();
      await database?.drop();
    });

    it('writes no KPI or evaluation history and no comment when the same file comes again', async () => {
      const kpis = await loadKpis(ctx, CODE, planId);
      expect(kpis.length).toBeGreaterThan(0);
      const changes = await kpiAndEvaluationChanges();
      const commentCount = await comments();
      expect(commentCount).toBeGreaterThan(0);
      const again = await run();
      expect(again.findings).toEqual([]);
      expect(again.written).toBe(true);
      expect(await kpiAndEvaluationChanges()).toEqual(changes);
      expect(await comments()).toBe(commentCount);
      expect((await loadKpis(ctx, CODE, planId)).map((k) => k.id)).toEqual(kpis.map((k) => k.id));
    });

    /** Changes the first KPI's last actual in the database, behind the import's back. */
    async function changeLastActual() {
      const [kpi] = await loadKpis(ctx, CODE, planId);
      const actual = kpi?.actuals.at(-1);
      if (!kpi || !actual) throw new Error('fixture c has no KPI with actuals');
      await db()
        .updateTable('kpi_actuals')
        .set({ value: actual.value + 1 })
        .where('kpi_id', '=', kpi.id)
        .where('fiscal_year', '=', actual.fiscalYear)
        .execute();
      return { kpi, actual };
    }

    it('puts back an actual changed since with one KPI record, the KPI keeping its id', async () => {
      const { kpi, actual } = await changeLastActual();
      const changes = await kpiAndEvaluationChanges();
      expect((await run()).findings).toEqual([]);
      expect((await kpiAndEvaluationChanges()).slice(changes.length)).toEqual(['kpi']);
      const [after] = await loadKpis(ctx, CODE, planId);
      expect(after?.id).toBe(kpi.id);
      expect(after?.actuals.at(-1)?.value).toBe(actual.value);
    });

    it('refuses to put back an actual of a locked year, writing nothing', async () => {
      const { actual } = await changeLastActual();
      await db()
        .insertInto('plan_years')
        .values({
          plan_id: planId,
          municipality_code: CODE,
          fiscal_year: actual.fiscalYear,
          status: 'locked',
          updated_at: ctx.now(),
          updated_by: null,
          published_at: null,
          publish_override: null,
        })
        .execute();
      const changes = await kpiAndEvaluationChanges();
      const outcome = await run();
      expect(outcome.written).toBe(false);
      expect(outcome.findings.map((f) => f.code)).toContain('year.locked');
      expect(await kpiAndEvaluationChanges()).toEqual(changes);
      const [after] = await loadKpis(ctx, CODE, planId);
      expect(after?.actuals.at(-1)?.value).toBe(actual.value + 1);
    });
  });
}
