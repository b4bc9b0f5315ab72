import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, openAppContext } from '../../src/app/app-context.ts';
import { createApiToken } from '../../src/app/auth/api-tokens.ts';
import { createSession, deleteSession } from '../../src/app/auth/sessions.ts';
import { findUserByEmail, loadActor } from '../../src/app/auth/users.ts';
import type { DemoAccount } from '../../src/app/demo.ts';
import { setUpDemo } from '../../src/app/demo.ts';
import { changeYearStatus } from '../../src/app/workflow/year-status.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { databaseOf } from '../../src/store/raw-database.ts';
import {
  createTestDatabase,
  dialectAvailable,
  type TestDatabase,
} from '../../src/store/test-databases.ts';
import { eventually } from '../../src/store/write-notices-test-support.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';

const CODE = '012050';
const ADMIN = 'kikaku@demo.sousei.example';

/**
 * Several app processes serve one PostgreSQL database (issue 11): two real `sousei serve`
 * processes start at once on an empty schema, then share sessions, saves and the
 * stale-version rule through the database alone; each one's caches learn of the others' writes
 * from PostgreSQL's notices (src/store/write-notices.ts), without a restart.
 */
describe.skipIf(!dialectAvailable('postgres'))('two sousei serve processes on one database', () => {
  let database: TestDatabase;
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  let ctx: AppContext;
  let accounts: DemoAccount[];
  let token: string;
  let projectId: number;
  let planId: number;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // Both migrate the empty schema at the same moment.
    [a, b] = await Promise.all([
      startServerProcess(database.url),
      startServerProcess(database.url),
    ]);
    ctx = await openAppContext(database.url);
    accounts = await setUpDemo(ctx);
    const admin = await findUserByEmail(ctx, ADMIN);
    const actor = await loadActor(ctx, admin.id);
    if (!actor) throw new Error('no admin');
    token = (await createApiToken(ctx, actor, 'multi-process')).secret;
    const [plan] = await ctx.store.plans.list(CODE);
    const { projects } = await ctx.store.kpis.tree(CODE, plan?.id ?? -1);
    planId = plan?.id ?? -1;
    projectId = projects.find((p) => p.no === '2')?.id ?? -1;
  }, 120_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await ctx?.store.close();
    await database?.drop();
  });

  const server = (which: 'a' | 'b') => {
    const s = which === 'a' ? a : b;
    if (!s) throw new Error(`server ${which} did not start`);
    return s.url;
  };

  it('ran every migration once, with both processes starting together', async () => {
    const db = databaseOf(ctx.store);
    // Kysely's bookkeeping table is outside the typed schema.
    const rows = (await db
      .selectFrom('kysely_migration' as 'plans')
      .selectAll()
      .execute()) as unknown as { name: string }[];
    expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
  });

  it('keeps a sign-in on process A valid on process B (sessions live in the database)', async () => {
    const form = await fetch(`${server('a')}/login`);
    const csrfCookie = (form.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const password = accounts.find((x) => x.email === ADMIN)?.password ?? '';
    const login = await fetch(`${server('a')}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
      body: new URLSearchParams({
        _csrf: csrfCookie.split('=')[1] ?? '',
        email: ADMIN,
        password,
      }).toString(),
    });
    expect(login.status).toBe(303);
    const session = (login.headers.get('set-cookie') ?? '')
      .split(/,\s*/)
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith('sousei_session='));
    expect(session).toBeDefined();
    const onB = await fetch(`${server('b')}/account/tokens`, {
      redirect: 'manual',
      headers: { cookie: session ?? '' },
    });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain('企画 太郎');
    const anonymous = await fetch(`${server('b')}/account/tokens`, { redirect: 'manual' });
    expect(anonymous.status).not.toBe(200);
  });

  const put = (which: 'a' | 'b', version: number, budget: number) =>
    fetch(`${server(which)}/api/v1/projects/${projectId}/years/2021`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version, budget, settlement: null }),
    });
  const read = async (which: 'a' | 'b') => {
    const r = await fetch(`${server(which)}/api/v1/plans/${planId}/projects/${projectId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(r.status).toBe(200);
    return (await r.json()) as { version: number };
  };

  it('shows a save on A to a read on B', async () => {
    const before = await read('b');
    const saved = await put('a', before.version, 4321);
    expect(saved.status, await saved.clone().text()).toBe(200);
    const after = await read('b');
    expect(after.version).toBeGreaterThan(before.version);
    expect(JSON.stringify(after)).toContain('4321');
  });

  it('refuses one of two saves of the same version made at once on A and B', async () => {
    const { version } = await read('a');
    const results = await Promise.all([put('a', version, 1111), put('b', version, 2222)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.status === 409);
    expect(await refused?.json()).toMatchObject({ error: { code: 'conflict' } });
    expect((await read('b')).version).toBe(version + 1);
  });

  const page = async (which: 'a' | 'b', path: string, cookie?: string) => {
    const r = await fetch(`${server(which)}${path}`, {
      redirect: 'manual',
      headers: cookie ? { cookie } : {},
    });
    return { status: r.status, etag: r.headers.get('etag'), text: await r.text() };
  };

  it("ends a signed-in page's cache on B as soon as the session ends in another process", async () => {
    const admin = await findUserByEmail(ctx, ADMIN);
    const { token: signedIn } = await createSession(ctx, admin.id, CODE);
    const cookie = `sousei_session=${signedIn}`;
    const path = `/m/${CODE}/plans/${planId}`;
    for (let i = 0; i < 3; i++) {
      const kept = await page('b', path, cookie);
      expect(kept.status).toBe(200);
      expect(kept.text).toContain('企画 太郎');
    }
    await deleteSession(ctx, signedIn);
    // No waiting: a sign-out counts from the next request on, whichever process served it.
    expect((await page('b', path, cookie)).text).not.toContain('企画 太郎');
  });

  it("serves another process's publish from B's cache without a restart", async () => {
    const path = `/m/${CODE}/plans/${planId}/report`;
    const before = await page('b', path);
    expect(before.status).toBe(200);
    expect((await page('b', path)).etag).toBe(before.etag);
    const admin = await findUserByEmail(ctx, ADMIN);
    const actor = await loadActor(ctx, admin.id);
    const year = { municipalityCode: CODE, planId, fiscalYear: 2021 };
    await changeYearStatus(ctx, actor, { ...year, action: 'lock', override: 'test' });
    await changeYearStatus(ctx, actor, { ...year, action: 'publish', override: 'test' });
    // B learns of it from PostgreSQL's notice, milliseconds later: polled, at most 10 s.
    const changed = async () => (await page('b', path)).etag !== before.etag;
    expect(await eventually(changed)).toBe(true);
    const onA = await page('a', path);
    const onB = await page('b', path);
    expect(onB.etag).toBe(onA.etag);
    expect(onB.text).toContain('令和3年度');
    expect(before.text).not.toContain('令和3年度');
  });
});
