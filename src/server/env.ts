import type { AppContext } from '../app/app-context.ts';
import type { Actor } from '../core/permissions.ts';
import type { ServerConfig } from './config.ts';

/** What every request handler can read from the context (Hono variables). */
export interface ServerEnv {
  Variables: {
    app: AppContext;
    config: ServerConfig;
    actor: Actor | null;
    actorName: string | null;
    csrfToken: string;
    sessionToken: string | null;
  };
}
