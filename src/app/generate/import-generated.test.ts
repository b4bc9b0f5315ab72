import { describe, expect, it } from 'vitest';
import { allProjects } from '../../core/plan.ts';
import { DIALECTS, dialectAvailable } from '../../store/test-databases.ts';
import { useTestContext } from '../app-test-support.ts';
import { importGeneratedSet } from './import-generated.ts';
import { generateNationalSet } from './national-set.ts';

const options = { seed: 3, municipalities: 3 };

for (const dialect of DIALECTS) {
  describe.skipIf(!dialectAvailable(dialect))(`importing a generated set on ${dialect}`, () => {
    const ctx = useTestContext(dialect);
    const generated = [...generateNationalSet(options)];

    it('writes every plan, KPI, actual and year status, in chunks of municipalities', async () => {
      const chunks: number[] = [];
      const done = await importGeneratedSet(
        ctx(),
        generateNationalSet(options),
        (d) => chunks.push(d.imported),
        2,
      );
      expect(chunks).toEqual([2, 3]);
      expect(done).toEqual({ imported: 3, present: 0, projects: 150 });
      for (const g of generated) {
        const code = g.plan.municipality.code;
        const id = await ctx().store.plans.findId(code, g.plan.plan.title);
        if (id === undefined) throw new Error(`no plan for ${code}`);
        const stored = await ctx().store.plans.load(code, id);
        expect(stored?.nodes).toEqual(g.plan.nodes);
        expect(allProjects(stored ?? { nodes: [] })).toHaveLength(50);
        const kpis = await ctx().store.kpis.list(code, id);
        expect(kpis.map((k) => k.definition.name)).toEqual(g.kpis.map((k) => k.definition.name));
        expect(kpis.map((k) => k.actuals.length)).toEqual(g.kpis.map((k) => k.actuals.length));
        expect(kpis[0]?.definition.baseline).toEqual(g.kpis[0]?.definition.baseline);
        const statuses = await ctx().store.years.statuses(code, id);
        for (const y of g.years) expect(statuses.get(y.fiscalYear) ?? 'preparing').toBe(y.status);
      }
    });

    it('leaves municipalities already imported as they are on a second run', async () => {
      const again = await importGeneratedSet(ctx(), generateNationalSet(options));
      expect(again).toEqual({ imported: 0, present: 3, projects: 0 });
    });
  });
}
