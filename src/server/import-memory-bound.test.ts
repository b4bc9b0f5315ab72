import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../app/app-context.ts';
import { createSession } from '../app/auth/sessions.ts';
import { findUserByEmail } from '../app/auth/users.ts';
import { setUpDemo } from '../app/demo.ts';
import { gc, largeListMapping, MB } from '../app/import/memory-test-support.ts';
import { writeLargeWorkbook } from '../formats/xlsx/large-workbook-file.ts';
import { createTestDatabase, type TestDatabase } from '../store/test-databases.ts';
import { readConfig } from './config.ts';
import { type RunningServer, startServer } from './serve.ts';
import { DEMO } from './test-server.ts';

/**
 * "Imports … streamed to a temporary file, never held whole" (issue 9), measured as
 * memory-bound.test.ts measures the anonymous bound: the real server on a loopback port, in this
 * process, an administrator's upload of a ~40 MB workbook (under the 50 MB upload limit) through
 * the import form with a column mapping, the process's memory sampled throughout. The file's
 * bytes must never be resident: the heap (with array buffers) may not grow by even half the
 * file's size while the server receives, guards, streams and reads it.
 */
/**
 * The stated bound, from what was measured (docs/security.md): +44 MB when the route read the
 * file whole (before), so a file held whole cannot pass. Streaming it, the peak the one-second
 * sampler catches varies from run to run. Before the closed-year check and the figures of
 * results were merged (1259ff7 to 88799fa), five runs gave +0 to +9 MB; since, six runs gave +3
 * to +24 MB, and a bound of 20 MB failed a clean CI run (+21.7 MB). 30 MB keeps a margin over
 * that spread and still fails a file held whole.
 */
const BOUND_MB = 30;

const mapping = largeListMapping;

let database: TestDatabase;
let running: RunningServer;
let dir: string;
let workbook: string;
let size: number;
let cookie: string;
let csrf: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sousei-import-memory-'));
  workbook = join(dir, 'large.xlsx');
  // ~40 MB: 1,000 projects among 47,000 rows of 20 random-text cells the mapping ignores.
  size = await writeLargeWorkbook(workbook, {
    rows: 47_000,
    projects: 1_000,
    fillerColumns: 20,
    fillerChars: 52,
  });
  database = await createTestDatabase('sqlite');
  const ctx = await openAppContext(database.url);
  await setUpDemo(ctx);
  const admin = await findUserByEmail(ctx, DEMO.admin);
  const session = await createSession(ctx, admin.id, admin.municipalityCode);
  await ctx.store.close();
  cookie = `sousei_session=${session.token}`;
  csrf = session.csrfToken;
  running = await startServer(
    readConfig({ PORT: '0', DATABASE_URL: database.url, SOUSEI_SECURE_COOKIES: 'false' }),
  );
}, 120_000);
afterAll(async () => {
  await running?.close();
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Posts the import form, the workbook streamed from disk; resolves with status and page. */
function upload(): Promise<{ status: number; html: string }> {
  const boundary = 'sousei-memory-test';
  const field = (name: string, value: string) =>
    `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const fileHead = (name: string, fileName: string) =>
    `--${boundary}\r\ncontent-disposition: form-data; name="${name}"; filename="${fileName}"\r\ncontent-type: application/octet-stream\r\n\r\n`;
  const head = Buffer.from(
    field('_csrf', csrf) +
      field('dryRun', '1') +
      fileHead('mapping', 'mapping.json') +
      JSON.stringify(mapping) +
      '\r\n' +
      fileHead('file', 'large.xlsx'),
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL('/m/012050/import', running.url),
      {
        method: 'POST',
        headers: {
          cookie,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + size + tail.length),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, html: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.write(head);
    const file = createReadStream(workbook);
    file.pipe(req, { end: false });
    file.on('end', () => req.end(tail));
  });
}

function heap() {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

describe('memory of an administrator importing a large workbook', () => {
  it(`stays within ${BOUND_MB} MB of where it was: the file is never held whole`, async () => {
    expect(size).toBeGreaterThan(38 * MB);
    expect(size).toBeLessThan(50 * MB);
    gc();
    const before = heap();
    const rssBefore = process.memoryUsage().rss;
    // What is live, not garbage awaiting collection: collected before each sample.
    let peak = before;
    let rawPeak = before;
    const raw = setInterval(() => {
      rawPeak = Math.max(rawPeak, heap());
    }, 10);
    const sampler = setInterval(() => {
      gc();
      peak = Math.max(peak, heap());
    }, 1000);
    const result = await upload();
    clearInterval(sampler);
    clearInterval(raw);
    gc();
    const growth = (peak - before) / MB;
    const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;
    console.log(
      `import memory: ${mb(size)} workbook; live heap peak +${growth.toFixed(1)} MB, ` +
        `uncollected peak +${mb(rawPeak - before)}, rss +${mb(process.memoryUsage().rss - rssBefore)}, ` +
        `after +${mb(heap() - before)}`,
    );
    expect(result.status, result.html.replace(/<[^>]+>/g, ' ').slice(0, 2000)).toBe(200);
    // The dry run read every row: 1,000 projects, the other rows skipped.
    expect(result.html).toContain('事業 1000');
    expect(growth).toBeLessThan(BOUND_MB);
  }, 300_000);
});
