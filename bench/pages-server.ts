/**
 * The real server for bench/pages.ts, in a process of its own: demo mode (the sample, R2
 * published, R3 open) on the SQLite database DATABASE_URL names, on a free port. Prints its URL.
 */
import { readConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/serve.ts';

const running = await startServer(
  readConfig({ ...process.env, SOUSEI_MODE: 'demo', PORT: '0', HOST: '127.0.0.1' }),
);
console.log(JSON.stringify({ url: running.url }));
process.on('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});
