/**
 * Issue #11's CLI figures: `sousei --help` and `sousei show` (the sample's plan in a SQLite
 * file) as a user runs them, process start-up included, against `node -e 0` measured in the
 * same run. The three commands take turns, so a busy machine slows them alike; each figure is
 * the median wall time. Runs the compiled dist/ (built first, as `npm ci` does). Part of
 * `npm run bench`; alone: `node --import tsx bench/cli.ts [runs]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const runs = Number(process.argv[2] ?? 15);

function run(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, VITEST: '' },
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')}: ${r.stderr.slice(0, 400)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export function cliFigures(): string[] {
  run(['scripts/build-dist.mjs']);
  const dir = mkdtempSync(join(tmpdir(), 'sousei-bench-cli-'));
  try {
    const db = `sqlite:${join(dir, 'bench.db')}`;
    run([
      'bin/sousei.js',
      '--database',
      db,
      'import',
      'samples/muroran-r2-progress.tsv',
      '--municipality',
      '012050',
      '--municipality-name',
      '室蘭市',
      '--plan',
      '第2期室蘭市まち・ひと・しごと創生総合戦略',
    ]);
    const commands = [
      { label: 'node -e 0 (baseline)', args: ['-e', '0'] },
      { label: 'sousei --help', args: ['bin/sousei.js', '--help'] },
      {
        label: 'sousei show (the sample, SQLite)',
        args: ['bin/sousei.js', '--database', db, 'show'],
      },
    ];
    const times = commands.map(() => [] as number[]);
    for (const c of commands) run(c.args); // warm the file cache
    for (let i = 0; i < runs; i++) {
      for (const [k, c] of commands.entries()) times[k]?.push(run(c.args));
    }
    const base = median(times[0] ?? []);
    return [
      `CLI, median of ${runs} alternating runs, node ${process.version}`,
      '| command | ms | × node -e 0 |',
      '|---|---:|---:|',
      ...commands.map((c, k) => {
        const ms = median(times[k] ?? []);
        return `| ${c.label} | ${ms.toFixed(0)} | ${(ms / base).toFixed(2)} |`;
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(cliFigures().join('\n'));
}
