/**
 * Issue 11: the cross-municipality view at national size (1,788 municipalities × 5 published
 * fiscal years × 50 projects, 10 KPIs each with an actual per year) on SQLite and, when
 * DATABASE_URL names one, PostgreSQL. The plans are seeded with bulk inserts (what is measured
 * is not the importer); every year is then published through the store, which writes the
 * aggregates in its transaction, as the web app's 公表する does.
 *
 * Measured: publishing (per plan-year, aggregates included) and the comparison's reads, each the
 * median of several runs after a warm-up, against a baseline from the same run: JSON.parse of
 * the whole-country answer's JSON (what any client does with the response at the least).
 *
 *   DATABASE_URL=postgres://… node --import tsx bench/compare.ts
 *   BENCH_COMPARE_MUNICIPALITIES=200 … for a quick run.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openAppContext } from '../src/app/app-context.ts';
import { comparisonCsv } from '../src/app/compare/compare-csv.ts';
import { parseCompareQuery } from '../src/app/compare/compare-query.ts';
import { loadComparison } from '../src/app/compare/load-comparison.ts';
import { municipalityCheckDigit } from '../src/core/municipality-code.ts';
import { comparisonBody } from '../src/server/api/compare-api.ts';
import { readConfig } from '../src/server/config.ts';
import { createServer } from '../src/server/create-server.tsx';
import type { DialectName } from '../src/store/database.ts';
import { databaseOf } from '../src/store/raw-database.ts';
import { createTestDatabase, postgresBaseUrl } from '../src/store/test-databases.ts';

const MUNICIPALITIES = Number(process.env.BENCH_COMPARE_MUNICIPALITIES ?? 1788);
const YEARS = [2020, 2021, 2022, 2023, 2024];
const GOALS = 5;
const PROJECTS = 50;
const KPIS = 10;
const NOW = '2026-11-30T00:00:00.000Z';
const RUNS = 7;

/** Valid, distinct codes spread over the 47 prefectures; names ending in 市, 町 or 村. */
function municipalities(n: number) {
  const out: { code: string; name: string }[] = [];
  for (let i = 0; i < n; i++) {
    const pref = String((i % 47) + 1).padStart(2, '0');
    const first5 = `${pref}${String(201 + Math.floor(i / 47)).padStart(3, '0')}`;
    const suffix = i % 10 < 5 ? '市' : i % 10 < 9 ? '町' : '村';
    out.push({ code: first5 + municipalityCheckDigit(first5), name: `団体${i}${suffix}` });
  }
  return out;
}

// A deterministic pseudo-random amount: the same data every run.
const amount = (seed: number) => (((seed * 2_654_435_761) % 90_000) + 1_000) * 1000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

async function seed(url: string) {
  const ctx = await openAppContext(url);
  const db = databaseOf(ctx.store);
  const list = municipalities(MUNICIPALITIES);
  await insertChunked(
    list.map((m) => ({ ...m, created_at: NOW })),
    (c) => db.insertInto('municipalities').values(c).execute(),
  );
  const plans: { code: string; planId: number }[] = [];
  for (const [mi, m] of list.entries()) {
    await db.transaction().execute(async (trx) => {
      const plan = await trx
        .insertInto('plans')
        .values({
          municipality_code: m.code,
          title: `${m.name} 総合戦略`,
          kind: 'sousei',
          first_fiscal_year: 2020,
          last_fiscal_year: 2024,
          levels: JSON.stringify(['基本目標', '具体的な施策', '事業']),
          amount_unit: '千円',
          conventions: '{}',
          created_at: NOW,
          updated_at: NOW,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const goals = await trx
        .insertInto('plan_nodes')
        .values(
          Array.from({ length: GOALS }, (_, g) => ({
            municipality_code: m.code,
            plan_id: plan.id,
            parent_id: null,
            depth: 0,
            position: g,
            title: `基本目標${g + 1}`,
          })),
        )
        .returning('id')
        .execute();
      const projects = await trx
        .insertInto('projects')
        .values(
          Array.from({ length: PROJECTS }, (_, p) => ({
            municipality_code: m.code,
            plan_id: plan.id,
            node_id: (goals[p % GOALS] as { id: number }).id,
            position: p,
            no: String(p + 1),
            name: `事業${p + 1}`,
            notes: '[]',
            department_id: null,
            version: 1,
          })),
        )
        .returning('id')
        .execute();
      const finances = projects.flatMap((p, pi) =>
        YEARS.map((fy) => {
          const budget = amount(mi * 1000 + pi * 10 + fy);
          return {
            project_id: p.id,
            municipality_code: m.code,
            fiscal_year: fy,
            budget,
            // Some projects have no settlement yet: the sums skip them, never count 0.
            settlement: pi % 17 === 0 ? null : Math.round(budget * 0.9),
          };
        }),
      );
      await insertChunked(finances, (c) => trx.insertInto('project_finances').values(c).execute());
      const kpis = await trx
        .insertInto('kpis')
        .values(
          Array.from({ length: KPIS }, (_, k) => ({
            municipality_code: m.code,
            plan_id: plan.id,
            scope: 'goal',
            node_id: (goals[k % GOALS] as { id: number }).id,
            project_id: null,
            position: k,
            name: `指標${k + 1}`,
            unit: '件',
            direction: 'higher',
            kind: 'annual',
            baseline_value: null,
            baseline_fiscal_year: null,
            target_value: 100,
            target_fiscal_year: 2024,
            updated_at: NOW,
          })),
        )
        .returning('id')
        .execute();
      const actuals = kpis.flatMap((k, ki) =>
        YEARS.map((fy) => ({
          kpi_id: k.id,
          municipality_code: m.code,
          fiscal_year: fy,
          value: 40 + ((mi + ki * 7 + fy) % 80),
          as_of: null,
          source: null,
          entry_id: null,
          updated_at: NOW,
          updated_by: null,
        })),
      );
      await insertChunked(actuals, (c) => trx.insertInto('kpi_actuals').values(c).execute());
      plans.push({ code: m.code, planId: plan.id });
    });
  }
  return { ctx, plans };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * Median wall time and median CPU time of this process (user + system) over RUNS runs after a
 * warm-up. On a shared, busy machine the wall time grows with the load; the CPU time is what
 * the work itself costs here (for PostgreSQL it leaves out the server's own share).
 */
async function timeIt(fn: () => unknown): Promise<{ ms: number; cpuMs: number }> {
  await fn(); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpu) };
}

interface Row {
  what: string;
  ms: number;
  cpuMs?: number;
}

async function benchDialect(dialect: DialectName): Promise<{ rows: Row[]; baseline: Row }> {
  const database = await createTestDatabase(dialect);
  const rows: Row[] = [];
  try {
    let start = performance.now();
    const { ctx, plans } = await seed(database.url);
    console.log(`${dialect}: seeded in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    start = performance.now();
    const publishCpu = process.cpuUsage();
    for (const p of plans) {
      await ctx.store.transaction(async (tx) => {
        for (const fiscalYear of YEARS) {
          await tx.years.setUp({
            municipalityCode: p.code,
            planId: p.planId,
            fiscalYear,
            status: 'published',
            at: NOW,
          });
        }
      });
    }
    const publishMs = performance.now() - start;
    const publishCpuUsed = process.cpuUsage(publishCpu);
    rows.push({
      what: `${dialect}: publish one plan-year, aggregates written in its transaction (mean of ${plans.length * YEARS.length})`,
      ms: publishMs / (plans.length * YEARS.length),
      cpuMs: (publishCpuUsed.user + publishCpuUsed.system) / 1000 / (plans.length * YEARS.length),
    });
    const q = (raw: Parameters<typeof parseCompareQuery>[0]) => parseCompareQuery(raw);
    const country = await loadComparison(ctx, q({}));
    const json = JSON.stringify(comparisonBody(country));
    console.log(
      `${dialect}: ${country.rows.length} rows for ${country.query.fiscalYear}, ${country.totals.length} years, JSON ${(json.length / 1024).toFixed(0)} KB`,
    );
    const baseline = {
      what: `baseline: JSON.parse of that answer (${(json.length / 1024).toFixed(0)} KB)`,
      ...(await timeIt(() => JSON.parse(json))),
    };
    // The page as the server answers it, signed out: query, rows and the HTML (not asserted).
    const app = createServer(ctx, readConfig({ SOUSEI_MODE: 'production' }));
    const pageOf = async (path: string) => {
      const r = await app.request(path);
      if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
      return r.text();
    };
    const html = await pageOf('/compare');
    console.log(`${dialect}: /compare is ${(html.length / 1024).toFixed(0)} K characters`);
    const cases: [string, () => Promise<unknown>][] = [
      [
        'compare, whole country, latest year (with totals per year)',
        () => loadComparison(ctx, q({})),
      ],
      ['compare, one prefecture (13)', () => loadComparison(ctx, q({ prefecture: '13' }))],
      ['compare, whole country, kind 町', () => loadComparison(ctx, q({ kind: 'town' }))],
      ['compare, whole country by basic goal', () => loadComparison(ctx, q({ by: 'goal' }))],
      [
        'store: rows of one year, whole country',
        () => ctx.store.aggregates.byPlan({ fiscalYear: 2024, prefectureCode: null }),
      ],
      [
        'store: rows of every year, one prefecture',
        () => ctx.store.aggregates.byPlan({ fiscalYear: null, prefectureCode: '13' }),
      ],
      [
        'CSV of the whole country (query and text)',
        async () => comparisonCsv(await loadComparison(ctx, q({})), true),
      ],
      ['page /compare, whole country (server render)', () => pageOf('/compare')],
      ['page /compare?by=goal, whole country (server render)', () => pageOf('/compare?by=goal')],
      ['page /compare?prefecture=13 (server render)', () => pageOf('/compare?prefecture=13')],
    ];
    for (const [what, fn] of cases)
      rows.push({ what: `${dialect}: ${what}`, ...(await timeIt(fn)) });
    await ctx.store.close();
    return { rows, baseline };
  } finally {
    // BENCH_COMPARE_KEEP=1 keeps the database (SQLite file, PostgreSQL schema) for a closer
    // look; its URL is printed.
    if (process.env.BENCH_COMPARE_KEEP === '1') console.log(`kept: ${database.url}`);
    else await database.drop();
  }
}

async function main() {
  const dialects: DialectName[] = postgresBaseUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
  console.log(
    `national size: ${MUNICIPALITIES} municipalities × ${YEARS.length} years × ${PROJECTS} projects, ${GOALS} goals, ${KPIS} KPIs; Node ${process.version}`,
  );
  const all: Row[] = [];
  let baseline: Row | undefined;
  for (const d of dialects) {
    const r = await benchDialect(d);
    baseline ??= r.baseline;
    all.push(...r.rows);
  }
  if (!baseline) return;
  console.log(
    `\nload average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`| what | ms | × baseline | CPU ms | CPU × baseline |\n|---|---:|---:|---:|---:|`);
  const b = baseline;
  for (const r of [b, ...all]) {
    const cpu =
      r.cpuMs === undefined || b.cpuMs === undefined
        ? '| | '
        : `| ${r.cpuMs.toFixed(1)} | ${(r.cpuMs / b.cpuMs).toFixed(1)} `;
    console.log(`| ${r.what} | ${r.ms.toFixed(2)} | ${(r.ms / b.ms).toFixed(1)} ${cpu}|`);
  }
}

await main();
