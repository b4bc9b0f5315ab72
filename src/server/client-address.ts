import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { ServerEnv } from './env.ts';

/** The client's address for login throttling; X-Forwarded-For only behind a trusted proxy. */
export function clientAddress(c: Context<ServerEnv>): string {
  if (c.get('config').trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests: app.request) have no socket.
    return 'local';
  }
}
