import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test support: the real `sousei` binary, run as a user would, on a temporary SQLite file. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliSandbox {
  dir: string;
  databaseUrl: string;
  /** Runs `sousei ARGS…`, with `input` on stdin when given. */
  run(args: readonly string[], input?: string): CliResult;
  remove(): void;
}

export function cliSandbox(prefix: string): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), `sousei-${prefix}-`));
  const databaseUrl = `sqlite:${join(dir, 'cli.db')}`;
  const env = { ...process.env, DATABASE_URL: databaseUrl, SOUSEI_DEBUG: '' };
  return {
    dir,
    databaseUrl,
    run(args, input) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/sousei.js'), ...args], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        input,
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
