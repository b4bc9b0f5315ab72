import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from '../../store/raw-database.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { importKpis } from './import-kpis.ts';
import { EMAIL, type KpiWorld, kpiWorld } from './kpi-test-support.ts';
import { saveKpi, saveKpiActual } from './save-kpi.ts';

const CODE = '012050';

const definition = (over: Record<string, unknown>) => ({
  scope: 'project',
  name: '創業相談件数',
  unit: '件',
  direction: 'higher',
  kind: 'annual',
  targetValue: 60,
  targetFiscalYear: 2024,
  ...over,
});

/** KPI changes are in the history like every other change (issue 8), whoever writes. */
for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`KPI history on ${dialect}`, () => {
    let w: KpiWorld;
    beforeAll(async () => {
      w = await kpiWorld(dialect);
    });
    afterAll(() => w?.close());

    // Test inspection of what the history recorded, oldest first.
    const history = async () => {
      const rows = await databaseOf(w.ctx.store)
        .selectFrom('changes')
        .select(['target', 'before', 'after', 'fiscal_year', 'project_id', 'user_id', 'origin'])
        .where('municipality_code', '=', CODE)
        .orderBy('id')
        .execute();
      return rows
        .map((r) => ({
          ...r,
          target: JSON.parse(r.target) as { type: string; kpiId?: number },
          before: r.before === null ? null : JSON.parse(r.before),
          after: r.after === null ? null : JSON.parse(r.after),
        }))
        .filter((r) => r.target.type.startsWith('kpi'));
    };

    it('records a KPI created and edited on the web, with before and after, by whom', async () => {
      const editor = await w.actor(EMAIL.industry);
      const projectId = w.project('1');
      const id = await saveKpi(w.ctx, editor, {
        municipalityCode: CODE,
        planId: w.planId,
        input: definition({ projectId }),
      });
      await saveKpi(w.ctx, editor, {
        municipalityCode: CODE,
        planId: w.planId,
        kpiId: id,
        input: definition({ projectId, targetValue: 80 }),
      });
      const h = await history();
      expect(h).toHaveLength(2);
      expect(h[0]).toMatchObject({
        target: { type: 'kpi', kpiId: id },
        before: null,
        after: { name: '創業相談件数', targetValue: 60 },
        project_id: projectId,
        user_id: editor.userId,
        origin: 'web',
      });
      expect(h[1]).toMatchObject({
        target: { type: 'kpi', kpiId: id },
        before: { targetValue: 60 },
        after: { targetValue: 80 },
      });
    });

    it('records an actual entered, then changed, with the year and the value before', async () => {
      const editor = await w.actor(EMAIL.industry);
      const [kpi] = (await history()).map((r) => r.target.kpiId);
      const kpiId = kpi ?? -1;
      for (const value of [12, 15]) {
        await saveKpiActual(w.ctx, editor, {
          municipalityCode: CODE,
          kpiId,
          input: { fiscalYear: 2021, value, asOf: null, source: null },
        });
      }
      const actuals = (await history()).filter((r) => r.target.type === 'kpi-actual');
      expect(actuals.map((r) => [r.fiscal_year, r.before?.value ?? null, r.after?.value])).toEqual([
        [2021, null, 12],
        [2021, 12, 15],
      ]);
    });

    it('records what a KPI import wrote, and nothing when importing the same file again', async () => {
      const file = [
        '区分,対象,指標名,単位,方向,種類,基準値,基準年度,目標値,目標年度,実績_R3',
        '事業,2,視察受入件数,件,高,単年度,,,10,R6,4',
      ].join('\n');
      const input = {
        fileName: 'kpis.csv',
        bytes: new TextEncoder().encode(file),
        municipalityCode: CODE,
      };
      const before = (await history()).length;
      const outcome = await importKpis(w.ctx, { operator: true }, input);
      expect(outcome.findings).toEqual([]);
      expect(outcome.written).toBe(true);
      const added = (await history()).slice(before);
      expect(added.map((r) => [r.target.type, r.after?.name ?? r.after?.value])).toEqual([
        ['kpi', '視察受入件数'],
        ['kpi-actual', 4],
      ]);
      await importKpis(w.ctx, { operator: true }, input);
      expect(await history()).toHaveLength(before + 2);
    });
  });
}
