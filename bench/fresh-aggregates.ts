/**
 * Issue 11, published aggregates kept fresh: what a KPI save costs when its plan has published
 * years (the save recomputes the plan's aggregates before it commits), against the same save on
 * a plan of the same size without one (only a look-up), measured in the same run. Also one
 * transaction saving every KPI of the plan (an import of KPIs), which recomputes once.
 * Plans are generated municipalities (50 projects, their KPIs), on SQLite and, with
 * DATABASE_URL naming a PostgreSQL server, on a fresh database there.
 * `node --import tsx bench/fresh-aggregates.ts`
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { generateMunicipality } from '../src/app/generate/generate-municipality.ts';
import { fiscalYearsWithFigures } from '../src/app/resolve-plan.ts';
import { fieldsOf } from '../src/core/kpi-record.ts';
import type { DialectName } from '../src/store/database.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { createTestDatabase, postgresBaseUrl } from '../src/store/test-databases.ts';

const NOW = '2026-11-30T00:00:00.000Z';
const writer = { userId: null, origin: 'import' as const, now: NOW };
const SAVES = 41;
const BATCHES = 5;

/** A generated municipality's plan; its published years kept, or held back as locked. */
async function load(store: Store, code: string, name: string, publish: boolean) {
  const g = generateMunicipality({ code, name }, 1);
  return store.transaction(async (tx) => {
    const plan = { plan: g.plan, fiscalYears: fiscalYearsWithFigures(g.plan), now: NOW };
    const planId = await tx.plans.save(plan);
    const tree = await tx.kpis.tree(code, planId);
    const ids = new Map([
      ...tree.nodes.map((n) => [`node:${n.title}`, n.id] as const),
      ...tree.projects.map((p) => [`project:${p.no}`, p.id] as const),
    ]);
    const items = g.kpis.map((k) => {
      const id = ids.get(`${k.scope === 'project' ? 'project' : 'node'}:${k.owner}`) ?? null;
      const owner = {
        nodeId: k.scope === 'project' ? null : id,
        projectId: k.scope === 'project' ? id : null,
      };
      return {
        fields: fieldsOf({ scope: k.scope, ...owner, definition: k.definition }),
        actuals: k.actuals,
      };
    });
    await tx.kpis.replaceImportedAll({ municipalityCode: code, planId, items }, writer);
    for (const y of g.years) {
      if (y.status === 'preparing') continue;
      const status = !publish && y.status === 'published' ? 'locked' : y.status;
      await tx.years.setUp({
        municipalityCode: code,
        planId,
        fiscalYear: y.fiscalYear,
        status,
        at: NOW,
      });
    }
    return { planId, published: g.years.filter((y) => y.status === 'published').length };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The median time of one KPI save (a new target each time), KPIs taken in turn. */
async function saves(store: Store, code: string, planId: number, n: number): Promise<number> {
  const kpis = await store.kpis.list(code, planId);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = kpis[i % kpis.length];
    if (!k) break;
    const fields = { ...fieldsOf(k), targetValue: 1000 + i };
    const t = performance.now();
    await store.kpis.save({ municipalityCode: code, planId, kpiId: k.id, fields }, writer);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** One transaction that gives every KPI of the plan a new target. */
async function batch(store: Store, code: string, planId: number, round: number): Promise<number> {
  const kpis = await store.kpis.list(code, planId);
  const t = performance.now();
  await store.transaction(async (tx) => {
    for (const k of kpis) {
      const fields = { ...fieldsOf(k), targetValue: 2000 + round };
      await tx.kpis.save({ municipalityCode: code, planId, kpiId: k.id, fields }, writer);
    }
  });
  return performance.now() - t;
}

const dialects: DialectName[] = postgresBaseUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
console.log(
  `Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (const dialect of dialects) {
  const database = await createTestDatabase(dialect);
  const store = openStore(database.url);
  try {
    await store.migrate();
    const shown = await load(store, '012050', '室蘭市', true);
    const held = await load(store, '012068', '釧路市', false);
    await saves(store, '012050', shown.planId, 10);
    await saves(store, '012068', held.planId, 10);
    const save = await saves(store, '012050', shown.planId, SAVES);
    const base = await saves(store, '012068', held.planId, SAVES);
    const batches: number[] = [];
    const bases: number[] = [];
    for (let r = 0; r < BATCHES; r++) {
      batches.push(await batch(store, '012050', shown.planId, r));
      bases.push(await batch(store, '012068', held.planId, r));
    }
    const kpis = (await store.kpis.list('012050', shown.planId)).length;
    console.log(
      `${dialect}: ${shown.published} published years, ${kpis} KPIs. One KPI save ` +
        `${save.toFixed(1)} ms against ${base.toFixed(1)} ms without a published year ` +
        `(${(save / base).toFixed(2)}×); all ${kpis} in one transaction ` +
        `${median(batches).toFixed(0)} ms against ${median(bases).toFixed(0)} ms ` +
        `(${(median(batches) / median(bases)).toFixed(2)}×)`,
    );
  } finally {
    await store.close();
    await database.drop();
  }
}
