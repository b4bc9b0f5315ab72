import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gc, MB } from '../app/import/memory-test-support.ts';
import { createTestDatabase, type TestDatabase } from '../store/test-databases.ts';
import { readConfig } from './config.ts';
import { type RunningServer, startServer } from './serve.ts';

/**
 * "An anonymous client cannot raise the server's memory by more than 50 MB, whatever it sends"
 * (issue 9): the real server on a loopback port, large bodies of every kind at once (declared
 * and chunked, forms, multipart, the import upload, the API), the process's memory measured
 * around them. Bounded: each body stops as soon as the server answers.
 */

let database: TestDatabase;
let running: RunningServer;
beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  running = await startServer(
    readConfig({ PORT: '0', DATABASE_URL: database.url, SOUSEI_SECURE_COOKIES: 'false' }),
  );
});
afterAll(async () => {
  await running?.close();
  await database?.drop();
});

/** Sends up to `total` bytes, stopping when the server answers; resolves with its status. */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  total: number,
): Promise<number> {
  const chunk = Buffer.alloc(MB, 0x61);
  return new Promise((resolve) => {
    let status = 0;
    const url = new URL(path, running.url);
    const req = request(url, { method, headers }, (res) => {
      status = res.statusCode ?? 0;
      res.resume();
      res.on('end', () => {
        req.destroy();
        resolve(status);
      });
    });
    req.on('error', () => resolve(status));
    let sent = 0;
    const write = () => {
      while (sent < total && status === 0 && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (sent >= total && !req.destroyed) req.end();
    };
    write();
  });
}

function memory() {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.arrayBuffers };
}

describe('memory under hostile bodies', () => {
  it('stays within 50 MB of where it was, whatever an anonymous client sends', async () => {
    // Warm up the paths once (modules, JIT), then take the baseline.
    await send('POST', '/login', { 'content-type': 'application/x-www-form-urlencoded' }, MB);
    gc();
    const before = memory();
    let peak = before;
    const sampler = setInterval(() => {
      const now = memory();
      peak = { rss: Math.max(peak.rss, now.rss), heap: Math.max(peak.heap, now.heap) };
    }, 20);
    const size = 30 * MB;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const multipart = { 'content-type': 'multipart/form-data; boundary=x' };
    const statuses = await Promise.all([
      ...[1, 2, 3].map(() =>
        send('POST', '/login', { ...form, 'content-length': String(size) }, size),
      ),
      ...[1, 2, 3].map(() => send('POST', '/login', form, size)),
      ...[1, 2].map(() => send('POST', '/login', multipart, size)),
      ...[1, 2].map(() => send('POST', '/m/012050/import', multipart, size)),
      send('PUT', '/api/v1/projects/1/years/2021', { 'content-type': 'application/json' }, size),
    ]);
    clearInterval(sampler);
    gc();
    const after = memory();
    expect(statuses.every((s) => s === 413)).toBe(true);
    expect((peak.heap - before.heap) / MB).toBeLessThan(50);
    expect((after.rss - before.rss) / MB).toBeLessThan(50);
  }, 60_000);
});
