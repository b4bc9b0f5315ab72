/**
 * `node --import tsx bench/copy.ts`: `sousei copy` of an installation of four cities (960
 * projects each, the sample scaled), chunked as it ships, against a baseline measured in the
 * same run: the same copy row by row (one row per read and per insert). Also the verification
 * (row counts and every plan's exports on both sides). PostgreSQL rows appear when DATABASE_URL
 * names a PostgreSQL database. Figures go to docs/performance.md by hand.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openAppContext } from '../src/app/app-context.ts';
import { verifyCopy } from '../src/app/copy/verify-copy.ts';
import { importPlan } from '../src/app/import-plan.ts';
import { copyDatabase } from '../src/store/copy/copy-database.ts';
import type { DialectName } from '../src/store/database.ts';
import { createTestDatabase, postgresBaseUrl } from '../src/store/test-databases.ts';
import { withFreshContext } from './with-fresh-context.ts';

const CITIES = ['012050', '012068', '012076', '012084'];
const TIMES = 40;

const sampleText = readFileSync(
  new URL('../samples/muroran-r2-progress.tsv', import.meta.url),
).toString('utf8');

/** The sample with its 24 project rows repeated `times` times under new numbers. */
function scaled(times: number): Uint8Array {
  const lines = sampleText.split('\n');
  const body = lines.filter((l) => /^[^\t]*\t\d+\t/.test(l));
  const out: string[] = [];
  for (const line of lines) {
    if (/^\t\t\t[\d,]+\t[\d,]+/.test(line)) continue; // the totals row: no longer adds up
    out.push(line);
    if (!/^[^\t]*\t24\t/.test(line)) continue;
    for (let k = 1; k < times; k++) {
      for (const row of body) {
        out.push(row.replace(/^[^\t]*\t(\d+)\t/, (_all, no) => `\t${Number(no) + 24 * k}\t`));
      }
    }
  }
  out.push('\t\t\t-\t-\t');
  return new TextEncoder().encode(out.join('\n'));
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const sourceDb = await createTestDatabase('sqlite');
const source = await openAppContext(sourceDb.url);
const bytes = scaled(TIMES);
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
