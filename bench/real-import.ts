/**
 * The writing import of fixture c at the size (1,826 rows × 210 columns), in process:
 * the first import into an empty database, then the same file again (which writes nothing), on
 * SQLite and, with DATABASE_URL set to a PostgreSQL server, on a fresh schema there too (issue 10).
 * `node --import tsx bench/real-import.ts [rows]`
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openAppContext } from '../src/app/app-context.ts';
import { importMapped } from '../src/app/import-mapped.ts';
import { createTestDatabase, postgresBaseUrl } from '../src/store/test-databases.ts';
import { jisshiKeikakuWorkbook } from '../test/fixtures/workbooks/jisshi-keikaku.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Wall and CPU times (ms) of: the dry run (reading only), the first import, the same file again.
 * CPU time (this process's user + system) is the steadier figure on a shared machine; on
 * PostgreSQL it leaves out the server's own work.
 */
export async function realImport(
  url: string,
  bytes: Uint8Array,
): Promise<{ wall: number; cpu: number }[]> {
  const ctx = await openAppContext(url);
  const mapping = JSON.parse(readFileSync(join(ROOT, 'docs/mappings/jisshi-keikaku.json'), 'utf8'));
  const times: { wall: number; cpu: number }[] = [];
  try {
    for (const dryRun of [true, false, false]) {
      const start = performance.now();
      const cpu = process.cpuUsage();
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
      const used = process.cpuUsage(cpu);
      times.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1000 });
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
  const targets = [{ name: 'sqlite', url: `sqlite:${join(dir, 'real.db')}`, drop: async () => {} }];
  if (postgresBaseUrl())
    targets.push({ name: 'postgres', ...(await createTestDatabase('postgres')) });
  console.log(`real import of fixture c, ${rows} rows, in process, node ${process.version}`);
  for (const { name, url, drop } of targets) {
    const [dry, first, again] = (await realImport(url, bytes)).map(
      (t) => `${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)} ms)`,
    );
    await drop();
    console.log(`${name}: dry run ${dry}, import ${first}, same file again ${again}`);
  }
  rmSync(dir, { recursive: true, force: true });
}
