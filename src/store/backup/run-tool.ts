import { spawn } from 'node:child_process';
import { SouseiError } from '../../core/errors.ts';

/**
 * Runs a PostgreSQL client tool (pg_dump, pg_restore) to completion. Its stderr is kept for the
 * error message, trimmed: it names tables and options, never data.
 */
export function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new SouseiError('unavailable', 'backup.tool-missing', { tool })
          : error,
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else
        reject(
          new SouseiError('unavailable', 'backup.tool-failed', {
            tool,
            code: code ?? -1,
            detail: stderr.trim().split('\n').slice(0, 5).join(' / '),
          }),
        );
    });
  });
}
