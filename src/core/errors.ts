import type { Finding } from './finding.ts';

/**
 * Stable error codes. Each maps to one HTTP status and one CLI exit code in a single table
 * (src/app/error-status.ts); unknown errors become `internal` and never leak their details.
 */
export type ErrorCode =
  | 'usage'
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate-limited'
  | 'too-large'
  | 'unavailable'
  | 'internal';

export class SouseiError extends Error {
  readonly code: ErrorCode;
  /** Catalogue key of the message a person reads. */
  readonly messageKey: string;
  readonly params: Record<string, string | number | null>;
  readonly findings: readonly Finding[];

  constructor(
    code: ErrorCode,
    messageKey: string,
    params: Record<string, string | number | null> = {},
    findings: readonly Finding[] = [],
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'SouseiError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.findings = findings;
  }
}
