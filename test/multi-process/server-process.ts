import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/cli-test-support.ts';

/** A real `sousei serve` process on a free port, as an operator runs it. */
export interface ServerProcess {
  url: string;
  /** What it printed on stderr (for the message when a test fails). */
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node bin/sousei.js serve` on `databaseUrl` (production mode, plain HTTP cookies) and
 * resolves with its address once it listens; rejects with its stderr when it exits first.
 */
export function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/sousei.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      SOUSEI_MODE: 'production',
      SOUSEI_SECURE_COOKIES: 'false',
      SOUSEI_DEBUG: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout)?.[0];
      if (url) resolve({ url, stderr: () => stderr, stop: () => stop(child) });
    });
    child.once('exit', (code) => reject(new Error(`sousei serve exited (${code}): ${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
