import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { ERROR_STATUS } from '../app/error-status.ts';
import { SouseiError } from '../core/errors.ts';
import type { Finding } from '../core/finding.ts';
import type { AmountUnit } from '../core/money.ts';
import { formatFinding } from '../i18n/format-finding.ts';
import { t } from '../i18n/translate.ts';

/** Data goes to stdout, messages and errors to stderr (README, "CLI"). */
export const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
export const err = (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);

export function printFindings(findings: readonly Finding[], unit: AmountUnit = '千円') {
  for (const f of findings) err(formatFinding(f, unit));
}

/** Turns any error into words on stderr and the exit code of its stable code. */
export function reportError(error: unknown): number {
  if (error instanceof SouseiError) {
    err(t(error.messageKey, error.params));
    printFindings(error.findings);
    return ERROR_STATUS[error.code].exit;
  }
  // Unknown errors never leak their details to the user; the reference finds them in the log.
  const ref = randomUUID().slice(0, 8);
  err(t('internal', { ref }));
  if (process.env.SOUSEI_DEBUG)
    err(error instanceof Error ? (error.stack ?? error.message) : String(error));
  else
    err(`[${ref}] ${error instanceof Error ? error.name : typeof error} (SOUSEI_DEBUG=1 で詳細)`);
  return ERROR_STATUS.internal.exit;
}

/** True for a file that exists (an import reads it itself, in chunks, later). */
export function isReadableFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
