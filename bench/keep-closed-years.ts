/**
 * The cost of the rule that an import never deletes what a closed year holds: the same
 * unchanged re-save of a plan of 3,000 projects (two activities of two entries each, figures of
 * 2020 and 2021; src/store/plans/sample-plan.ts), writing 2022, first while no year is closed
 * (the rule costs one query: the baseline, same run) and then with 2020 published (the rule
 * reads everything 2020 holds and compares it with the plan), and the rule's check alone. On
 * SQLite and, with DATABASE_URL naming a PostgreSQL server, on a fresh database there.
 * `node --import tsx bench/keep-closed-years.ts [runs]`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Plan } from '../src/core/plan.ts';
import { samplePlan } from '../src/store/plans/sample-plan.ts';
import { databaseOf } from '../src/store/raw-database.ts';
import { findClosedYearRemovals } from '../src/store/rules/closed-year-removals.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { createTestDatabase, postgresBaseUrl } from '../src/store/test-databases.ts';

const RUNS = Number(process.argv[2] ?? 5);
const NOW = '2026-11-30T00:00:00.000Z';

async function mean(f: () => Promise<unknown>): Promise<number> {
  await f();
  const t = performance.now();
  for (let i = 0; i < RUNS; i++) await f();
  return (performance.now() - t) / RUNS;
}

async function measure(store: Store) {
  const plan: Plan = samplePlan(3000);
  const planId = await store.plans.save({ plan, fiscalYears: [2020, 2021], now: NOW });
  const resave = () => store.plans.save({ plan, fiscalYears: [2022], now: NOW });
  const open = await mean(resave);
  const scope = { municipalityCode: '012050', planId };
  await store.years.setUp({ ...scope, fiscalYear: 2020, status: 'published', at: NOW });
  const closed = await mean(resave);
  const check = await mean(() => findClosedYearRemovals(databaseOf(store), scope, plan));
  return { open, closed, check };
}

const dir = mkdtempSync(join(tmpdir(), 'sousei-keep-'));
const targets = [{ name: 'SQLite', url: `sqlite:${join(dir, 'bench.db')}`, drop: async () => {} }];
if (postgresBaseUrl())
  targets.push({ name: 'PostgreSQL', ...(await createTestDatabase('postgres')) });
console.log(`3,000 projects, unchanged re-save writing 2022, mean of ${RUNS} runs`);
for (const target of targets) {
  const store = openStore(target.url);
  const migrated = await store.migrate();
  if (migrated.error) throw migrated.error;
  const { open, closed, check } = await measure(store);
  const ms = (x: number) => `${x.toFixed(0)} ms (× ${(x / open).toFixed(2)})`;
  console.log(`${target.name}: no closed year ${ms(open)}; 2020 published ${ms(closed)};`);
  console.log(`  the check alone ${ms(check)}`);
  await store.close();
  await target.drop();
}
rmSync(dir, { recursive: true, force: true });
