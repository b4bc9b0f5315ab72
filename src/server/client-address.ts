import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { ServerEnv } from './env.ts';

/**
 * The client's address for login throttling. Behind `hops` trusted proxies, each appends the
 * address it saw to X-Forwarded-For, so only the rightmost `hops` entries are trustworthy and the
 * client is the entry `hops` from the right; anything further left the client wrote itself.
 */
export function clientAddress(c: Context<ServerEnv>): string {
  const hops = c.get('config').trustProxy;
  if (hops > 0) {
    const forwarded = forwardedAddress(c.req.header('x-forwarded-for'), hops);
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests: app.request) have no socket.
    return 'local';
  }
}

/** The entry `hops` from the right; with fewer entries, the leftmost (the farthest one known). */
export function forwardedAddress(header: string | undefined, hops: number): string | null {
  const entries = (header ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (entries.length === 0) return null;
  return entries[Math.max(0, entries.length - hops)] ?? null;
}
