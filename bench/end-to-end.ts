/**
 * The issue-10 workbook end to end: a 総合計画 実施計画 workbook of 1,826 rows × 210 columns
 * (test/fixtures/workbooks/jisshi-keikaku.ts) through `sousei import --dry-run`, as a user
 * runs it — process start-up included — against `node -e 0` measured in the same run, so runs
 * on busier or faster machines compare by ratio. Part of `npm run bench` (large-workbook.ts).
 * BENCH_REAL_IMPORT=1 adds the import that writes, first into an empty database and then the
 * same file again, through the CLI and in process (bench/real-import.ts), on SQLite and, when
 * DATABASE_URL names a PostgreSQL server, on a fresh schema there too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openAppContext } from '../src/app/app-context.ts';
import { importMapped } from '../src/app/import-mapped.ts';
import { createTestDatabase, postgresBaseUrl } from '../src/store/test-databases.ts';
import {
  JISSHI_COLUMNS,
  jisshiKeikakuWorkbook,
} from '../test/fixtures/workbooks/jisshi-keikaku.ts';
import { realImport } from './real-import.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface Figure {
  label: string;
  ms: number;
  cpuMs?: number;
}

const TIME = '/usr/bin/time';

/**
 * Median wall time of `runs` runs of a command (a busy machine makes single runs noisy), with
 * the CPU time (user + system) of the median run where /usr/bin/time can measure it.
 */
function timed(label: string, args: string[], env: NodeJS.ProcessEnv = {}, runs = 3): Figure {
  const times: Figure[] = [];
  const cpuFile = join(tmpdir(), `sousei-bench-cpu-${process.pid}`);
  const measured = existsSync(TIME);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const [command, commandArgs] = measured
      ? [TIME, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...args]]
      : [process.execPath, args];
    const r = spawnSync(command, commandArgs, {
      cwd: ROOT,
      env: { ...process.env, VITEST: '', ...env },
      encoding: 'utf8',
      timeout: 600_000,
    });
    const ms = performance.now() - start;
    if (r.status !== 0) {
      console.log(`${label}: exit ${r.status ?? r.signal} ${r.stderr.slice(0, 400)}`);
      return { label: `${label} (failed: ${r.status ?? r.signal})`, ms };
    }
    const cpu = measured ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number) : [];
    const cpuMs = cpu.length === 2 ? ((cpu[0] as number) + (cpu[1] as number)) * 1000 : undefined;
    times.push({ label, ms, ...(cpuMs === undefined ? {} : { cpuMs }) });
  }
  rmSync(cpuFile, { force: true });
  return times.sort((a, b) => a.ms - b.ms)[Math.floor(times.length / 2)] as Figure;
}

export async function endToEnd(dir: string): Promise<Figure[]> {
  const build = spawnSync(process.execPath, ['scripts/build-dist.mjs'], { cwd: ROOT });
  const compiled = build.status === 0 && existsSync(join(ROOT, 'dist/cli/main.js'));
  const wb = await jisshiKeikakuWorkbook(1826);
  const file = join(dir, 'jisshi-1826x210.xlsx');
  writeFileSync(file, wb.bytes);
  const mappingFile = join(ROOT, 'docs/mappings/jisshi-keikaku.json');
  const importArgs = (db: string) => [
    'bin/sousei.js',
    '--database',
    db.includes(':') ? db : `sqlite:${join(dir, db)}`,
    'import',
    file,
    '--mapping',
    mappingFile,
    '--municipality',
    '131016',
    '--municipality-name',
    '千代田区',
  ];
  console.log(
    `end to end: ${wb.expected.projects.length + 3} rows × ${JISSHI_COLUMNS} columns, ` +
      `${(wb.bytes.length / 1024 / 1024).toFixed(2)} MB; CLI ${compiled ? 'compiled (dist/)' : 'through tsx'}`,
  );
  const figures = [
    timed('baseline: node -e 0', ['-e', '0']),
    timed('sousei --help', ['bin/sousei.js', '--help']),
    timed('sousei --help, sources through tsx', ['bin/sousei.js', '--help'], {
      SOUSEI_FROM_SOURCE: '1',
    }),
    timed('sousei import --dry-run (1,826 × 210)', [...importArgs('dry.db'), '--dry-run']),
  ];
  const ctx = await openAppContext(`sqlite:${join(dir, 'in-process.db')}`);
  const mapping = JSON.parse(readFileSync(mappingFile, 'utf8'));
  const cpu = process.cpuUsage();
  const start = performance.now();
  await importMapped(ctx, {
    bytes: wb.bytes,
    fileName: file,
    mapping,
    municipalityCode: '131016',
    municipalityName: '千代田区',
    dryRun: true,
  });
  const used = process.cpuUsage(cpu);
  figures.push({
    label: 'in-process dry run (no start-up)',
    ms: performance.now() - start,
    cpuMs: (used.user + used.system) / 1000,
  });
  await ctx.store.close();
  if (process.env.BENCH_REAL_IMPORT === '1') {
    figures.push(...(await writingImports('SQLite', importArgs, wb.bytes, dir)));
    if (postgresBaseUrl()) {
      figures.push(...(await writingImports('PostgreSQL', importArgs, wb.bytes, dir)));
    }
  }
  return figures;
}

/** The import that writes, through the CLI and in process, each into its own empty database. */
async function writingImports(
  name: 'SQLite' | 'PostgreSQL',
  importArgs: (db: string) => string[],
  bytes: Uint8Array,
  dir: string,
): Promise<Figure[]> {
  const fresh = async (file: string) => {
    if (name === 'SQLite') return { url: `sqlite:${join(dir, file)}`, drop: async () => {} };
    return createTestDatabase('postgres');
  };
  const cli = await fresh('real.db');
  const figures = [
    timed(`sousei import, written to ${name}`, importArgs(cli.url), {}, 1),
    timed(`sousei import of the same file again, ${name}`, importArgs(cli.url), {}, 1),
  ];
  await cli.drop();
  const inProcess = await fresh('real-in-process.db');
  const [, first, again] = await realImport(inProcess.url, bytes);
  await inProcess.drop();
  figures.push({ label: `in-process import, written to ${name}`, ...cpuFigure(first) });
  figures.push({ label: `in-process import of the same file again, ${name}`, ...cpuFigure(again) });
  return figures;
}

const cpuFigure = (t: { wall: number; cpu: number } | undefined) => ({
  ms: t?.wall ?? Number.NaN,
  cpuMs: t?.cpu ?? Number.NaN,
});

export function printFigures(figures: readonly Figure[]) {
  const base = figures[0]?.ms ?? 1;
  console.log('| what | ms | × node -e 0 | CPU ms |');
  console.log('|---|---:|---:|---:|');
  for (const f of figures) {
    const cpu = f.cpuMs === undefined ? '' : f.cpuMs.toFixed(0);
    console.log(`| ${f.label} | ${f.ms.toFixed(0)} | ${(f.ms / base).toFixed(1)} | ${cpu} |`);
  }
}

// Alone: `node --import tsx bench/end-to-end.ts` (npm run bench runs it after large-workbook.ts).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { mkdtempSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'sousei-e2e-'));
  printFigures(await endToEnd(dir));
  rmSync(dir, { recursive: true, force: true });
}
