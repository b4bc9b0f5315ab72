/**
 * The baseline of bench/pages.ts: a bare node:http server, in a process of its own like the real
 * one, answering each address with the bytes and headers the real server gave it (read from the
 * JSON file named on the command line). Prints its URL.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

interface Recorded {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

const recorded: Record<string, Recorded> = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8'));
const answers = new Map(
  Object.entries(recorded).map(([key, r]) => [key, { ...r, bytes: Buffer.from(r.body, 'base64') }]),
);

/** The same key bench/pages.ts records under: the address, and whether a session came along. */
const answerKey = (url: string, cookie: string | undefined) =>
  `${cookie?.includes('sousei_session=') ? 'session' : 'public'} ${url}`;

const server = createServer((req, res) => {
  const answer = answers.get(answerKey(req.url ?? '', req.headers.cookie));
  if (!answer) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(answer.status, answer.headers);
  res.end(answer.bytes);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}` }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
