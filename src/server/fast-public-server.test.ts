import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../app/app-context.ts';
import { createSession } from '../app/auth/sessions.ts';
import { findUserByEmail } from '../app/auth/users.ts';
import { createTestDatabase, type TestDatabase } from '../store/test-databases.ts';
import { readConfig } from './config.ts';
import { type RunningServer, startServer } from './serve.ts';
import { DEMO } from './test-server.ts';

/**
 * The real server on a loopback port answers the public's cached pages before Hono sees them:
 * with the headers Hono gave them (the security headers included), 304 on If-None-Match, and
 * never a signed-in request, which the app answers, no-store.
 */

let database: TestDatabase;
let running: RunningServer;
let cookie: string;
beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  running = await startServer(
    readConfig({
      PORT: '0',
      DATABASE_URL: database.url,
      SOUSEI_MODE: 'demo',
      SOUSEI_SECURE_COOKIES: 'false',
    }),
  );
  const ctx = await openAppContext(database.url);
  const user = await findUserByEmail(ctx, DEMO.admin);
  cookie = `sousei_session=${(await createSession(ctx, user.id, user.municipalityCode)).token}`;
  await ctx.store.close();
}, 60_000);
afterAll(async () => {
  await running?.close();
  await database?.drop();
});

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      request(new URL(path, running.url), { headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('the public cache in front of the app', () => {
  it('answers a cached page as the app did, security headers and all, and 304', async () => {
    const path = '/m/012050/plans/1/report?fy=2020';
    const first = await get(path); // rendered by the app
    const second = await get(path); // from the cache, before Hono
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toBe(first.body);
    const { date: _d1, ...firstHeaders } = first.headers;
    const { date: _d2, ...secondHeaders } = second.headers;
    expect(secondHeaders).toEqual(firstHeaders);
    expect(second.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(second.headers['set-cookie']).toBeUndefined();
    const etag = String(second.headers.etag);
    expect((await get(path, { 'if-none-match': etag })).status).toBe(304);
  });

  it('passes a signed-in request to the app: no-store, their own page', async () => {
    const path = '/m/012050/plans/1/report?fy=2020';
    await get(path);
    const signedIn = await get(path, { cookie });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('no-store');
    expect(signedIn.headers.etag).toBeUndefined();
    expect(signedIn.body).toContain('ログアウト');
    const api = await get('/api/v1/plans/1', { authorization: 'Bearer sousei_wrong' });
    expect(api.status).toBe(401);
  });
});
