/**
 * `npm run bench:national` (issue 11; opt-in, not part of `npm run bench`: the whole set takes
 * minutes): the national data set of `sousei generate` imported into SQLite and, when
 * DATABASE_URL names one, PostgreSQL, one transaction per municipality. Printed as ms per
 * municipality and as a ratio to a baseline measured in the same run (generating the same
 * municipalities in memory); the plans saved alone give the store's per-plan share for the
 * profile. NATIONAL_COUNT=1788 for the whole set (default 100).
 */
import { performance } from 'node:perf_hooks';
import type { AppContext } from '../src/app/app-context.ts';
import type { GeneratedMunicipality } from '../src/app/generate/generated-municipality.ts';
import { GENERATED_CHUNK, importGeneratedSet } from '../src/app/generate/import-generated.ts';
import { generateNationalSet } from '../src/app/generate/national-set.ts';
import { fiscalYearsWithFigures } from '../src/app/resolve-plan.ts';
import type { DialectName } from '../src/store/database.ts';
import { postgresBaseUrl } from '../src/store/test-databases.ts';
import { withFreshContext } from './with-fresh-context.ts';

const count = Number(process.env.NATIONAL_COUNT ?? 100);
const options = { seed: 1, municipalities: count };

async function seconds(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

/** The plans alone, in the import's transactions: what the store's per-plan save costs. */
async function plansOnly(ctx: AppContext) {
  let batch: GeneratedMunicipality[] = [];
  const save = () =>
    ctx.store.transaction(async (tx) => {
      for (const g of batch) {
        const fiscalYears = fiscalYearsWithFigures(g.plan);
        await tx.plans.save({ plan: g.plan, fiscalYears, now: ctx.now() });
      }
    });
  for (const g of generateNationalSet(options)) {
    batch.push(g);
    if (batch.length === GENERATED_CHUNK) {
      await save();
      batch = [];
    }
  }
  if (batch.length > 0) await save();
}

const WIDTH = 52;
/** One row as soon as it is measured: a long run shows its progress. */
function print(label: string, s: number, baseline: number) {
  const perMunicipality = ((s * 1000) / count).toFixed(1);
  console.log(
    `${label.padEnd(WIDTH)} | ${s.toFixed(2).padStart(7)} | ${perMunicipality.padStart(15)} | ${(s / baseline).toFixed(1).padStart(10)}`,
  );
}

console.log(`national set: ${count} municipalities × 50 projects, Node ${process.version}`);
console.log(`${'what'.padEnd(WIDTH)} | total s | ms/municipality | × baseline`);
const baseline = await seconds(() => {
  for (const _ of generateNationalSet(options));
});
print(`baseline: generate ${count} municipalities in memory`, baseline, baseline);
// NATIONAL_DIALECTS=sqlite (or postgres) measures one; both by default where PostgreSQL is set.
const asked = (process.env.NATIONAL_DIALECTS ?? 'sqlite,postgres').split(',');
const dialects = (['sqlite', 'postgres'] as DialectName[]).filter(
  (d) => asked.includes(d) && (d === 'sqlite' || postgresBaseUrl()),
);
for (const dialect of dialects) {
  const all = await withFreshContext(dialect, (ctx) =>
    seconds(() => importGeneratedSet(ctx, generateNationalSet(options))),
  );
  print(`${dialect}: generate and import (plans, KPIs, years)`, all, baseline);
  const plans = await withFreshContext(dialect, (ctx) => seconds(() => plansOnly(ctx)));
  print(`${dialect}: generate and save the plans only`, plans, baseline);
}
