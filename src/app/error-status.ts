import type { ErrorCode } from '../core/errors.ts';

/**
 * The one table from stable error codes to HTTP statuses and CLI exit codes (README, "Exit
 * codes"). Exit 1 is also what `sousei check --strict` returns when it has findings.
 */
export const ERROR_STATUS: Record<ErrorCode, { http: number; exit: number }> = {
  usage: { http: 400, exit: 1 },
  'invalid-input': { http: 422, exit: 2 },
  'not-found': { http: 404, exit: 3 },
  conflict: { http: 409, exit: 4 },
  unauthenticated: { http: 401, exit: 5 },
  forbidden: { http: 403, exit: 5 },
  'rate-limited': { http: 429, exit: 7 },
  // A request body over its limit (HTTP); a file over the input limits is bad input (exit 2).
  'too-large': { http: 413, exit: 2 },
  unavailable: { http: 503, exit: 6 },
  internal: { http: 500, exit: 10 },
};

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
