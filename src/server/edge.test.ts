import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../app/auth/api-tokens.ts';
import { loadSignedIn } from '../app/auth/users.ts';
import { databaseOf } from '../store/raw-database.ts';
import { readConfig } from './config.ts';
import { createServer } from './create-server.tsx';
import { createTestServer, DEMO, type TestServer } from './test-server.ts';

/**
 * The HTTP edge (issue 9): the client address behind proxies, bodies bounded before any parsing,
 * no caching of what a session or token sees, HSTS only with Secure cookies.
 */
let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.close());

function appWith(env: Record<string, string>) {
  return createServer(server.ctx, readConfig({ SOUSEI_SECURE_COOKIES: 'false', ...env }));
}

async function anonymousOf(app: ReturnType<typeof appWith>) {
  const first = await app.request('/login');
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: cookie.split('=')[1] ?? '' };
}

describe('the client address behind trusted proxies', () => {
  it('counts hops from the right: rotating spoofed leftmost addresses are still throttled', async () => {
    const app = appWith({ SOUSEI_TRUST_PROXY: '1' });
    const { cookie, csrf } = await anonymousOf(app);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const body = new URLSearchParams({
        _csrf: csrf,
        email: `nobody-${i}@attacker.example`,
        password: 'wrong',
      });
      const res = await app.request('/login', {
        method: 'POST',
        headers: {
          cookie,
          'content-type': 'application/x-www-form-urlencoded',
          // What the client sent, then what the one trusted proxy appended: the real address.
          'x-forwarded-for': `198.51.100.${i}, 203.0.113.7`,
        },
        body: body.toString(),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
  });

  it('reads true as one hop and refuses a value that is not a count', () => {
    expect(readConfig({ SOUSEI_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(readConfig({ SOUSEI_TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(readConfig({ SOUSEI_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfig({}).trustProxy).toBe(0);
    expect(() => readConfig({ SOUSEI_TRUST_PROXY: 'yes' })).toThrow(/SOUSEI_TRUST_PROXY/);
  });
});

describe('HSTS', () => {
  it('is sent only when cookies are Secure', async () => {
    const secure = await appWith({ SOUSEI_SECURE_COOKIES: 'true' }).request('/login');
    expect(secure.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const demo = createServer(server.ctx, readConfig({ SOUSEI_MODE: 'demo' }));
    expect((await demo.request('/login')).headers.get('strict-transport-security')).toBeNull();
    expect(
      (await demo.request('/assets/app.css')).headers.get('strict-transport-security'),
    ).toBeNull();
  });
});

describe('Cache-Control', () => {
  const M = '/m/012050';
  it('is no-store on every page and file a session sees', async () => {
    const admin = await server.signIn(DEMO.admin);
    const P = `${M}/plans/${server.planId}`;
    const project = await databaseOf(server.ctx.store)
      .selectFrom('projects')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const paths = [
      '/',
      M,
      P,
      `${P}/projects/${project.id}`,
      `${P}/projects/${project.id}/edit?fy=2021`,
      `${P}/report?fy=2021`,
      `${P}/report.pdf?fy=2021`,
      `${P}/years`,
      `${P}/years/2021`,
      `${P}/history`,
      `${P}/todo`,
      `${P}/check`,
      `${P}/kpis`,
      `${P}/dashboard`,
      `${P}/evaluations`,
      `${P}/search?q=a`,
      `${P}/downloads`,
      `${P}/export.json?fy=2021`,
      `${P}/export.xlsx?fy=2021`,
      `${P}/export/projects.csv?fy=2021`,
      `${M}/users`,
      `${M}/settings`,
      `${M}/import`,
      `${M}/import/mapped`,
      '/account/tokens',
      '/account/password',
      '/api/docs',
      `${P}/no-such-page`,
    ];
    const missing: string[] = [];
    for (const path of paths) {
      const res = await admin.get(path);
      await res.arrayBuffer();
      if (!/no-store/.test(res.headers.get('cache-control') ?? ''))
        missing.push(`${path} ${res.status} ${res.headers.get('cache-control')}`);
    }
    expect(missing).toEqual([]);
  });

  it('is no-store on the API with a token, reads and errors alike', async () => {
    const user = await databaseOf(server.ctx.store)
      .selectFrom('users')
      .select('id')
      .where('email', '=', DEMO.admin)
      .executeTakeFirstOrThrow();
    const actor = (await loadSignedIn(server.ctx, user.id))?.actor;
    if (!actor) throw new Error('no actor');
    const { secret } = await createApiToken(server.ctx, actor, 'cache test');
    const headers = { authorization: `Bearer ${secret}` };
    for (const path of [
      '/api/v1/municipalities',
      `/api/v1/plans/${server.planId}`,
      `/api/v1/plans/${server.planId}/projects?fiscalYear=2021`,
      '/api/v1/plans/999999',
    ]) {
      const res = await server.app.request(path, { headers });
      expect(res.headers.get('cache-control'), path).toMatch(/no-store/);
    }
  });
});
