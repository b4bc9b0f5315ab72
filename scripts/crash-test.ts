/**
 * `npm run crash-test`: crash safety of the importer (issue 9). A plan of a few thousand projects
 * is imported by the real `sousei` binary into a fresh, migrated database, and the process is
 * killed with SIGKILL after a random delay, again and again, on SQLite and on PostgreSQL. After
 * each kill the database must open, pass its integrity check and hold the whole import or none
 * of it. Results go to docs/operations.md ("Crash safety").
 *
 *   npm run crash-test -- [--kills 50] [--dialect sqlite|postgres|both] [--copies 125] [--seed N]
 *
 * PostgreSQL runs where DATABASE_URL names one (each kill in a fresh schema of it).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { openAppContext } from '../src/app/app-context.ts';
import type { DialectName } from '../src/store/database.ts';
import { databaseOf } from '../src/store/raw-database.ts';
import { createTestDatabase, postgresBaseUrl } from '../src/store/test-databases.ts';

const ROOT = new URL('../', import.meta.url);
const SAMPLE = new URL('samples/muroran-r2-progress.tsv', ROOT);
const SETTINGS = new URL('samples/muroran-r2-progress.settings.json', ROOT);
const BIN = new URL('bin/sousei.js', ROOT).pathname;

/** The sample's 24 project rows repeated `copies` times under new numbers (as bench/run.ts). */
export function largePlan(copies: number): string {
  const lines = readFileSync(SAMPLE, 'utf8').split('\n');
  const body = lines.filter((l) => /^[^\t]*\t\d+\t/.test(l));
  const out: string[] = [];
  for (const line of lines) {
    if (/^\t\t\t[\d,]+\t[\d,]+/.test(line)) continue; // the totals row no longer adds up
    out.push(line);
    if (!/^[^\t]*\t24\t/.test(line)) continue;
    for (let k = 1; k < copies; k++) {
      for (const row of body) {
        out.push(row.replace(/^[^\t]*\t(\d+)\t/, (_all, no) => `\t${Number(no) + 24 * k}\t`));
      }
    }
  }
  out.push('\t\t\t-\t-\t');
  return out.join('\n');
}

/** A small deterministic generator, so a run can be repeated with its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

interface Import {
  file: string;
  projects: number;
}

function writePlan(dir: string, copies: number): Import {
  const file = join(dir, 'large.tsv');
  writeFileSync(file, largePlan(copies));
  copyFileSync(SETTINGS, join(dir, 'large.settings.json'));
  return { file, projects: 24 * copies };
}

/** Runs the import; kills it after `killAfterMs` (if given). Resolves with how it ended. */
function runImport(url: string, file: string, killAfterMs?: number) {
  return new Promise<{ killed: boolean; code: number | null; ms: number }>((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'import', file], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'ignore',
    });
    let killed = false;
    const timer =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ killed: killed && code === null, code, ms: performance.now() - started });
    });
  });
}

/** The state after a crash: does it open, is it sound, how many projects does it hold. */
async function inspect(dialect: DialectName, url: string) {
  const ctx = await openAppContext(url); // opening migrates: it must work after any crash
  try {
    const db = databaseOf(ctx.store);
    let integrity = 'ok';
    if (dialect === 'sqlite') {
      const rows = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      integrity = rows.rows.map((r) => r.integrity_check).join('; ');
      const fk = await sql`pragma foreign_key_check`.execute(db);
      if (fk.rows.length > 0) integrity += `; ${fk.rows.length} foreign key violations`;
    }
    // Both: no row without its parent (PostgreSQL enforces this too; checked, not assumed).
    const orphans = await sql<{ n: number }>`
      select (select count(*) from projects p where not exists (select 1 from plans x where x.id = p.plan_id))
           + (select count(*) from project_finances f where not exists (select 1 from projects p where p.id = f.project_id))
           + (select count(*) from activities a where not exists (select 1 from projects p where p.id = a.project_id))
           + (select count(*) from activity_entries e where not exists (select 1 from activities a where a.id = e.activity_id))
           as n`.execute(db);
    const orphaned = Number(orphans.rows[0]?.n ?? 0);
    if (orphaned > 0) integrity = `${integrity}; ${orphaned} orphaned rows`;
    const count = await db
      .selectFrom('projects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { integrity, projects: Number(count.n) };
  } finally {
    await ctx.store.close();
  }
}

export interface CrashSummary {
  dialect: DialectName;
  kills: number;
  /** Kills that found nothing written, and those that came after the commit. */
  none: number;
  whole: number;
  /** Runs where the import finished before the kill came (not counted as kills). */
  finishedFirst: number;
  failures: string[];
  importMs: number;
  projects: number;
}

async function freshDatabase(dialect: DialectName) {
  const database = await createTestDatabase(dialect);
  const ctx = await openAppContext(database.url); // migrated first: kills land in the import
  await ctx.store.close();
  return database;
}

export async function crashTest(options: {
  dialect: DialectName;
  kills: number;
  copies: number;
  seed: number;
}): Promise<CrashSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'sousei-crash-'));
  const next = random(options.seed);
  try {
    const plan = writePlan(dir, options.copies);
    // One full import measures how long the kill window is.
    const baseline = await freshDatabase(options.dialect);
    const full = await runImport(baseline.url, plan.file);
    const check = await inspect(options.dialect, baseline.url);
    await baseline.drop();
    if (full.code !== 0 || check.projects !== plan.projects) {
      throw new Error(`the import itself failed (exit ${full.code}, ${check.projects} projects)`);
    }
    const summary: CrashSummary = {
      dialect: options.dialect,
      kills: 0,
      none: 0,
      whole: 0,
      finishedFirst: 0,
      failures: [],
      importMs: Math.round(full.ms),
      projects: plan.projects,
    };
    while (summary.kills < options.kills) {
      const database = await freshDatabase(options.dialect);
      try {
        const delay = Math.round(next() * full.ms * 1.1);
        const run = await runImport(database.url, plan.file, delay);
        if (!run.killed) {
          summary.finishedFirst++;
          if (summary.finishedFirst > options.kills * 2)
            throw new Error('the import never got killed');
          continue;
        }
        summary.kills++;
        const after = await inspect(options.dialect, database.url);
        if (after.integrity !== 'ok')
          summary.failures.push(`kill at ${delay} ms: ${after.integrity}`);
        if (after.projects === 0) summary.none++;
        else if (after.projects === plan.projects) summary.whole++;
        else
          summary.failures.push(
            `kill at ${delay} ms: ${after.projects} of ${plan.projects} projects`,
          );
      } finally {
        await database.drop();
      }
    }
    return summary;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

async function main() {
  const kills = Number(option('kills', '50'));
  const copies = Number(option('copies', '125'));
  const seed = Number(option('seed', String(Date.now() % 1_000_000)));
  const which = option('dialect', 'both');
  const dialects: DialectName[] =
    which === 'both' ? ['sqlite', 'postgres'] : [which as DialectName];
  console.log(
    `crash test: ${kills} SIGKILLs per database, ${24 * copies} projects, seed ${seed}, ` +
      `${new Date().toISOString()}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}`,
  );
  let failed = false;
  for (const dialect of dialects) {
    if (dialect === 'postgres' && !postgresBaseUrl()) {
      console.log('postgres: skipped (DATABASE_URL names no PostgreSQL database)');
      continue;
    }
    const s = await crashTest({ dialect, kills, copies, seed });
    console.log(
      `${dialect}: full import ${s.importMs} ms; ${s.kills} kills: ${s.none} left nothing, ` +
        `${s.whole} left the whole import, ${s.failures.length} failures ` +
        `(${s.finishedFirst} runs finished before their kill)`,
    );
    for (const f of s.failures) console.log(`  FAIL ${f}`);
    failed ||= s.failures.length > 0;
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
