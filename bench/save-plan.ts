/**
 * Issue 11: the plan save a national data set import makes 1,788 times, of a NEW plan of 50
 * projects × 5 years (the Muroran sample scaled: its 24 projects repeated under new numbers,
 * each year given the sample's figures), on SQLite and, with DATABASE_URL naming a PostgreSQL
 * server, on a fresh schema there. Prints the statements one save sends (by kind) and its time,
 * with the time as a ratio to reading the sample in memory measured in the same run.
 * `node --import tsx bench/save-plan.ts [runs]`
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { KyselyPlugin } from 'kysely';
import type { Plan, PlanNode } from '../src/core/plan.ts';
import { decodeText } from '../src/formats/decode-text.ts';
import { readProgressTable } from '../src/formats/tsv/progress-table-reader.ts';
import { parseTsv } from '../src/formats/tsv/tsv-grid.ts';
import { planStore } from '../src/store/plans/plan-store.ts';
import { databaseOf } from '../src/store/raw-database.ts';
import { openStore } from '../src/store/store.ts';
import { createTestDatabase, postgresBaseUrl } from '../src/store/test-databases.ts';

const PROJECTS = 50;
const YEARS = [2020, 2021, 2022, 2023, 2024];
const sample = readFileSync(new URL('../samples/muroran-r2-progress.tsv', import.meta.url));

function readSample(): Plan {
  const decoded = decodeText(sample);
  if (!decoded.ok) throw new Error('unreadable sample');
  const { plan } = readProgressTable(parseTsv(decoded.text), {
    municipality: { code: '012050', name: '室蘭市' },
    title: 'sample',
  });
  if (!plan) throw new Error('sample not read');
  return plan;
}

/** The sample with PROJECTS projects (copies added under their original's node), five years. */
function nationalSized(title: string): Plan {
  const plan = structuredClone(readSample());
  const placed: { node: PlanNode; project: PlanNode['projects'][number] }[] = [];
  const walk = (nodes: PlanNode[]) => {
    for (const node of nodes) {
      for (const project of node.projects) placed.push({ node, project });
      walk(node.children);
    }
  };
  walk(plan.nodes);
  const originals = [...placed];
  for (let k = originals.length; k < PROJECTS; k++) {
    const { node, project } = originals[k % originals.length] as (typeof originals)[number];
    const copy = { ...structuredClone(project), no: String(k + 1) };
    node.projects.push(copy);
    placed.push({ node, project: copy });
  }
  for (const { project } of placed) {
    const [first] = project.finances;
    const figures = first ?? { budget: null, settlement: null };
    project.finances = YEARS.map((fiscalYear) => ({ ...figures, fiscalYear }));
    // Activities keep their own links; a copy does not re-list another copy.
    for (const a of project.activities) a.relistOf = null;
  }
  return { ...plan, plan: { ...plan.plan, title, firstFiscalYear: 2020, lastFiscalYear: 2024 } };
}

/** Counts every statement sent, by its first word (select, insert, update, delete, …). */
function statementCounter(): { plugin: KyselyPlugin; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      const kind = node.kind.replace(/QueryNode$/, '').toLowerCase();
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { plugin, counts };
}

const runs = Number(process.argv[2] ?? 20);
const baselineRuns = 200;
readSample();
let start = performance.now();
for (let i = 0; i < baselineRuns; i++) readSample();
const baseline = (performance.now() - start) / baselineRuns;
const counted = nationalSized('count');
const rows = counted.nodes.flatMap(function all(n): PlanNode['projects'] {
  return [...n.projects, ...n.children.flatMap(all)];
});
console.log(
  `node ${process.version}; a new plan of ${rows.length} projects × ${YEARS.length} years, ` +
    `${rows.reduce((n, p) => n + p.activities.length, 0)} activities; ${runs} saves each`,
);
console.log(`baseline: read the sample in memory: ${baseline.toFixed(2)} ms`);
console.log(
  '| database | statements per new plan | ms per new plan | × baseline | ms per unchanged re-save |',
);
console.log('|---|---|---:|---:|---:|');
const dir = mkdtempSync(join(tmpdir(), 'sousei-save-plan-'));
const targets = [{ name: 'SQLite', url: `sqlite:${join(dir, 'bench.db')}`, drop: async () => {} }];
if (postgresBaseUrl())
  targets.push({ name: 'PostgreSQL', ...(await createTestDatabase('postgres')) });
for (const target of targets) {
  const store = openStore(target.url);
  const migrated = await store.migrate();
  if (migrated.error) throw migrated.error;
  const save = (plan: Plan, plugin?: KyselyPlugin) => {
    const db = databaseOf(store);
    return planStore(plugin ? db.withPlugin(plugin) : db).save({
      plan,
      fiscalYears: YEARS,
      now: new Date().toISOString(),
    });
  };
  const { plugin, counts } = statementCounter();
  await save(counted, plugin); // also the warm-up
  const plans = Array.from({ length: runs }, (_, i) => nationalSized(`plan ${i}`));
  start = performance.now();
  for (const plan of plans) await save(plan);
  const fresh = (performance.now() - start) / runs;
  start = performance.now();
  for (const plan of plans) await save(plan);
  const again = (performance.now() - start) / runs;
  const statements = [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
  console.log(
    `| ${target.name} | ${statements} | ${fresh.toFixed(1)} | ${(fresh / baseline).toFixed(1)} | ${again.toFixed(1)} |`,
  );
  await store.close();
  await target.drop();
}
rmSync(dir, { recursive: true, force: true });
