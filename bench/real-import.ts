/**
 * The writing import of fixture c at the size (1,826 rows × 210 columns), in process:
 * the first import into an empty database, then the same file again (which writes nothing), on
 * SQLite and, with DATABASE_URL set to a PostgreSQL server, there too (issue 10).
 * `node --import tsx bench/real-import.ts [rows]`
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openAppContext } from '../src/app/app-context.ts';
import { importMapped } from '../src/app/import-mapped.ts';
import { jisshiKeikakuWorkbook } from '../test/fixtures/workbooks/jisshi-keikaku.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Wall times of: the dry run (reading only), the first import, the same file again. */
export async function realImport(url: string, bytes: Uint8Array): Promise<number[]> {
  const ctx = await openAppContext(url);
  const mapping = JSON.parse(readFileSync(join(ROOT, 'docs/mappings/jisshi-keikaku.json'), 'utf8'));
  const times: number[] = [];
  try {
    for (const dryRun of [true, false, false]) {
      const start = performance.now();
      const outcome = await importMapped(ctx, {
        dryRun,
        bytes,
        fileName: 'jisshi.xlsx',
        mapping,
        municipalityCode: '131016',
        municipalityName: '千代田区',
      });
      if (outcome.findings.length > 0 || outcome.written === dryRun)
        throw new Error(JSON.stringify(outcome.findings.slice(0, 3)));
      times.push(performance.now() - start);
    }
  } finally {
    await ctx.store.close();
  }
  return times;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = Number(process.argv[2] ?? 1826);
  const { bytes } = await jisshiKeikakuWorkbook(rows);
  const dir = mkdtempSync(join(tmpdir(), 'sousei-real-import-'));
  const targets = [['sqlite', `sqlite:${join(dir, 'real.db')}`]];
  if (process.env.DATABASE_URL) targets.push(['postgres', process.env.DATABASE_URL]);
  console.log(`real import of fixture c, ${rows} rows, in process`);
  for (const [name, url] of targets) {
    const [dry, first, again] = (await realImport(url as string, bytes)).map((ms) => ms.toFixed(0));
    console.log(`${name}: dry run ${dry} ms, import ${first} ms, same file again ${again} ms`);
  }
  rmSync(dir, { recursive: true, force: true });
}
