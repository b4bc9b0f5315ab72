import { performance } from 'node:perf_hooks';
import { openAppContext } from '../src/app/app-context.ts';
import { verifyCopy } from '../src/app/copy/verify-copy.ts';
import { importPlan } from '../src/app/import-plan.ts';
import { scaledSample } from '../src/server/test-scaled-sample.ts';
import { copyDatabase } from '../src/store/copy/copy-database.ts';
import type { DialectName } from '../src/store/database.ts';
import { createTestDatabase, postgresBaseUrl } from '../src/store/test-databases.ts';
import { withFreshContext } from './with-fresh-context.ts';

const CITIES = ['012050', '012068', '012076', '012084'];
const TIMES = 40;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const sourceDb = await createTestDatabase('sqlite');
const source = await openAppContext(sourceDb.url);
const bytes = scaledSample(TIMES);
for (const code of CITIES) {
  await importPlan(source, {
    bytes,
    fileName: 'bench.tsv',
    municipalityCode: code,
    municipalityName: `市${code}`,
    title: 'bench',
  });
}

const lines: string[] = [];
const dialects: DialectName[] = postgresBaseUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
for (const dialect of dialects) {
  const rowByRow = await withFreshContext(dialect, (t) =>
    timed(() => copyDatabase(source.store, t.store, 1)),
  );
  const chunked = await withFreshContext(dialect, async (t) => {
    const copy = await timed(() => copyDatabase(source.store, t.store));
    const verify = await timed(() => verifyCopy(source, t));
    if (verify.value.differences.length > 0) throw new Error('the copy differs');
    return { copy, verify };
  });
  const rows = chunked.copy.value.reduce((sum, c) => sum + c.rows, 0);
  const base = rowByRow.ms;
  lines.push(
    `| sqlite → ${dialect}: row by row (baseline) | ${rows} | ${base.toFixed(0)} | 1.00 |`,
  );
  lines.push(
    `| sqlite → ${dialect}: chunks of 1,000 | ${rows} | ${chunked.copy.ms.toFixed(0)} | ${(chunked.copy.ms / base).toFixed(2)} |`,
  );
  lines.push(
    `| sqlite → ${dialect}: verification (counts, 6 exports × ${CITIES.length} plans × 2 sides) | | ${chunked.verify.ms.toFixed(0)} | ${(chunked.verify.ms / base).toFixed(2)} |`,
  );
}
await source.store.close();
await sourceDb.drop();

console.log(`node ${process.version}, ${new Date().toISOString()}`);
console.log('| what | rows | ms | × row by row |');
console.log('|---|---:|---:|---:|');
for (const line of lines) console.log(line);
