/**
 * Issue #11: public pages and API reads against the machine's own ceiling. The real server (demo
 * mode on SQLite: the sample, R2 published) and a bare node:http server answering the very same
 * bytes and headers each run in a process of their own; wrk -t2 -c50 -d5s loads each in turn in
 * the same run, so the ratio compares across machines. Prints req/s, the ratio and p99 for the
 * report, the plan tree, a project page, /api/v1/plans/1 and one signed-in page: the medians of
 * BENCH_PAGES_ROUNDS rounds (3) of the real server then the bare one, each BENCH_PAGES_SECONDS.
 * Part of `npm run bench`; skipped with a message where /usr/bin/wrk is missing.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAppContext } from '../src/app/app-context.ts';
import { createSession } from '../src/app/auth/sessions.ts';
import { findUserByEmail } from '../src/app/auth/users.ts';
import { createTestDatabase, postgresBaseUrl } from '../src/store/test-databases.ts';

const WRK = '/usr/bin/wrk';
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SECONDS = Number(process.env.BENCH_PAGES_SECONDS ?? 5);
/** Rounds of (real, bare) in turn per page: a shared machine's load comes and goes. */
const ROUNDS = Number(process.env.BENCH_PAGES_ROUNDS ?? 3);

/** The machine's load average (1, 5, 15 min): figures taken on a busy machine say so. */
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ENCODINGS = 'br, gzip';

interface Target {
  label: string;
  path: string;
  cookie?: string;
}

/** Starts `script` under tsx, as the server runs, and waits for the URL it prints. */
function start(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<{ url: string; child: ChildProcess }>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url, child });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}

/** One response's raw bytes and headers (fetch would decode brotli and gzip). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const kept: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value === undefined) continue;
            if (['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)) continue;
            kept[name] = value;
          }
          resolve({ status: res.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks) });
        });
      })
        .on('error', reject)
        .end();
    },
  );
}

interface Load {
  rps: number;
  p99ms: number;
}

const MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function wrk(url: string, target: Target, seconds: number): Load {
  const headers = ['-H', `Accept-Encoding: ${ENCODINGS}`];
  if (target.cookie) headers.push('-H', `Cookie: ${target.cookie}`);
  const r = spawnSync(
    WRK,
    ['-t2', '-c50', `-d${seconds}s`, '--latency', ...headers, `${url}${target.path}`],
    { encoding: 'utf8' },
  );
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1] ?? 0);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s|m)\b/.exec(r.stdout);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(r.stdout);
  if (errors) console.log(`  ${target.label}: ${errors[1]} non-2xx responses`);
  return { rps, p99ms: p99 ? Number(p99[1]) * (MS[p99[2] ?? 'ms'] ?? 1) : Number.NaN };
}

const answerKey = (path: string, cookie: string | undefined) =>
  `${cookie?.includes('sousei_session=') ? 'session' : 'public'} ${path}`;

async function main() {
  if (!existsSync(WRK)) {
    console.log(`pages bench skipped: ${WRK} is missing (Debian package wrk).`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sousei-bench-pages-'));
  // BENCH_PAGES_POSTGRES=1 with DATABASE_URL: the same pages on a fresh PostgreSQL schema.
  const postgres = process.env.BENCH_PAGES_POSTGRES === '1' && postgresBaseUrl() !== undefined;
  const pgDatabase = postgres ? await createTestDatabase('postgres') : undefined;
  const databaseUrl = pgDatabase?.url ?? `sqlite:${join(dir, 'bench.db')}`;
  console.log(`database: ${postgres ? 'PostgreSQL' : 'SQLite'}`);
  const children: ChildProcess[] = [];
  try {
    const app = await start('bench/pages-server.ts', [], { DATABASE_URL: databaseUrl });
    children.push(app.child);
    const ctx = await openAppContext(databaseUrl);
    const user = await findUserByEmail(ctx, 'kikaku@demo.sousei.example');
    const session = await createSession(ctx, user.id, user.municipalityCode);
    await ctx.store.close();
    const list = await rawGet(`${app.url}/api/v1/plans/1/projects?limit=2`, {});
    const project = (JSON.parse(list.body.toString('utf8')) as { items: { id: number }[] }).items[1]
      ?.id;
    const targets: Target[] = [
      { label: 'report (R2)', path: '/m/012050/plans/1/report' },
      { label: 'plan tree (R2)', path: '/m/012050/plans/1' },
      { label: 'project page', path: `/m/012050/plans/1/projects/${project}` },
      { label: 'API /api/v1/plans/1', path: '/api/v1/plans/1' },
      {
        label: 'signed-in plan tree (admin)',
        path: '/m/012050/plans/1',
        cookie: `sousei_session=${session.token}`,
      },
    ];
    const recorded: Record<string, unknown> = {};
    for (const t of targets) {
      const headers: Record<string, string> = { 'accept-encoding': ENCODINGS };
      if (t.cookie) headers.cookie = t.cookie;
      const r = await rawGet(`${app.url}${t.path}`, headers);
      if (r.status !== 200) throw new Error(`${t.path}: ${r.status}`);
      recorded[answerKey(t.path, t.cookie)] = { ...r, body: r.body.toString('base64') };
      const coding = r.headers['content-encoding'] ?? 'identity';
      console.log(`  ${t.label}: ${r.body.byteLength} bytes (${coding})`);
    }
    const file = join(dir, 'answers.json');
    writeFileSync(file, JSON.stringify(recorded));
    const bare = await start('bench/pages-bare-server.ts', [file], {});
    children.push(bare.child);

    console.log(
      `\nwrk -t2 -c50 -d${SECONDS}s, ${ROUNDS} rounds in turn (medians), Node ${process.version}, load average ${load()}`,
    );
    console.log('| page | Sousei req/s | bare req/s | ratio (rounds) | Sousei p99 | bare p99 |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const t of targets) {
      wrk(app.url, t, 1); // warm-up: JIT, connections
      wrk(bare.url, t, 1);
      const rounds: { real: Load; base: Load }[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        rounds.push({ real: wrk(app.url, t, SECONDS), base: wrk(bare.url, t, SECONDS) });
      }
      const ratio = median(rounds.map((r) => (r.base.rps > 0 ? r.real.rps / r.base.rps : 0)));
      const real = median(rounds.map((r) => r.real.rps));
      const base = median(rounds.map((r) => r.base.rps));
      const p99 = median(rounds.map((r) => r.real.p99ms));
      const baseP99 = median(rounds.map((r) => r.base.p99ms));
      const spread = rounds.map((r) => (r.real.rps / r.base.rps).toFixed(2)).join(' / ');
      console.log(
        `| ${t.label} | ${real.toFixed(0)} | ${base.toFixed(0)} | ${ratio.toFixed(2)}× (${spread}) | ${p99.toFixed(1)} ms | ${baseP99.toFixed(1)} ms |`,
      );
    }
    console.log(`load average at the end: ${load()}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    await pgDatabase?.drop();
  }
}

await main();
