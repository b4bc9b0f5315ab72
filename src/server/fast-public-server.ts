import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Answer, RequestView } from './public-cache/public-cache.ts';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
type PublicAnswer = (view: RequestView) => Promise<Answer | null>;

/** The requests the cache may answer; any other goes straight to the app, unawaited. */
const CANDIDATE = /^\/(?:m\/[^/?]+|api\/v1)\/plans\//;

/**
 * node:http's createServer, answering the public's cached pages before Hono sees the request:
 * a hit costs a version check and a write of stored bytes, no routing or middleware. Whether a
 * request may be answered, and with what, is the cache's one decision (publicAnswer); every
 * other request, and every miss, goes to the app's own listener.
 */
export function fastPublicServer(publicAnswer: PublicAnswer): typeof createServer {
  const wrap =
    (listener: Listener): Listener =>
    (req, res) => {
      if (req.method !== 'GET' || !CANDIDATE.test(req.url ?? '')) return listener(req, res);
      const view: RequestView = {
        method: 'GET',
        url: req.url ?? '',
        cookie: req.headers.cookie,
        authorization: req.headers.authorization,
        acceptEncoding: req.headers['accept-encoding'],
        ifNoneMatch: req.headers['if-none-match'],
      };
      publicAnswer(view).then(
        (answer) => {
          if (!answer) return listener(req, res);
          // The headers come whole from the cache (length included): written as they are.
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body ?? undefined);
        },
        () => listener(req, res), // the app answers, and reports, what the cache could not
      );
    };
  return ((options: unknown, listener?: Listener) =>
    typeof options === 'function'
      ? createServer(wrap(options as Listener))
      : createServer(options as object, wrap(listener as Listener))) as typeof createServer;
}
