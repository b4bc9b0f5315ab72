/**
 * `npm run bench`: import and export timings, each printed as a ratio to a baseline measured in
 * the same run (reading the sample table in memory), so figures from different machines
 * compare. Results go to docs/performance.md by hand, with the machine they came from.
 * PostgreSQL rows appear when DATABASE_URL names a PostgreSQL database.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { exportPlan } from '../src/app/export-plan.ts';
import { importPlan } from '../src/app/import-plan.ts';
import { decodeText } from '../src/formats/decode-text.ts';
import { readProgressTable } from '../src/formats/tsv/progress-table-reader.ts';
import { parseTsv } from '../src/formats/tsv/tsv-grid.ts';
import { scaledSample } from '../src/server/test-scaled-sample.ts';
import type { DialectName } from '../src/store/database.ts';
import { databaseOf } from '../src/store/raw-database.ts';
import { postgresBaseUrl } from '../src/store/test-databases.ts';
import { withFreshContext } from './with-fresh-context.ts';

const sample = readFileSync(new URL('../samples/muroran-r2-progress.tsv', import.meta.url));
const TITLE = 'bench';

async function time(label: string, runs: number, fn: () => Promise<unknown> | unknown) {
  await fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return { label, ms: (performance.now() - start) / runs };
}

function readInMemory(bytes: Uint8Array) {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new Error('unreadable');
  return readProgressTable(parseTsv(decoded.text), {
    municipality: { code: '012050', name: '室蘭市' },
    title: TITLE,
  });
}

const importInput = (bytes: Uint8Array) => ({
  bytes,
  fileName: 'bench.tsv',
  municipalityCode: '012050',
  municipalityName: '室蘭市',
  title: TITLE,
});

const results: { label: string; ms: number }[] = [];
const baseline = await time('baseline: read the sample in memory (24 projects)', 200, () =>
  readInMemory(sample),
);
results.push(baseline);
const big = scaledSample(10);
results.push(await time('read 240 projects in memory', 50, () => readInMemory(big)));

const dialects: DialectName[] = postgresBaseUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
for (const dialect of dialects) {
  await withFreshContext(dialect, async (ctx) => {
    results.push(
      await time(`${dialect}: first import of the sample into an empty plan`, 20, async () => {
        await databaseOf(ctx.store).deleteFrom('plans').execute();
        await importPlan(ctx, importInput(sample));
      }),
    );
    results.push(
      await time(`${dialect}: re-import of the sample (no change)`, 20, () =>
        importPlan(ctx, importInput(sample)),
      ),
    );
    results.push(
      await time(`${dialect}: export JSON`, 20, () => exportPlan(ctx, { format: 'json' })),
    );
    results.push(
      await time(`${dialect}: export TSV`, 20, () => exportPlan(ctx, { format: 'tsv' })),
    );
    results.push(
      await time(`${dialect}: first import of 240 projects`, 3, async () => {
        await databaseOf(ctx.store).deleteFrom('plans').execute();
        await importPlan(ctx, importInput(big));
      }),
    );
  });
}

console.log(`node ${process.version}, ${new Date().toISOString()}`);
console.log('| what | ms per run | × baseline |');
console.log('|---|---:|---:|');
for (const r of results) {
  console.log(`| ${r.label} | ${r.ms.toFixed(2)} | ${(r.ms / baseline.ms).toFixed(1)} |`);
}
