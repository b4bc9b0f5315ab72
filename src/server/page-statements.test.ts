import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app/app-context.ts';
import { databaseOf } from '../store/raw-database.ts';
import { statementCounter } from '../store/reads/statement-counter.ts';
import { storeModules } from '../store/store.ts';
import { readConfig } from './config.ts';
import { createServer } from './create-server.tsx';
import { createTestServer, DEMO, demoProject, type TestServer } from './test-server.ts';

/**
 * A project page reads what it shows, not the whole plan again and again: once a plan's version
 * has been read, the statements a project page runs and the rows they return are the same on
 * the sample (24 projects) and on a plan ten times larger, for the public and for a member.
 */

/** The server of `base` on a store whose every statement is counted. */
function countingServer(base: TestServer) {
  const counter = statementCounter();
  const db = databaseOf(base.ctx.store).withPlugin(counter.plugin);
  const ctx: AppContext = { ...base.ctx, store: { ...base.ctx.store, ...storeModules(db) } };
  const app = createServer(
    ctx,
    readConfig({ SOUSEI_MODE: 'production', SOUSEI_SECURE_COOKIES: 'false' }),
  );
  return { app, counter };
}

async function readsOf(base: TestServer, cookie: string | null) {
  const { id } = await demoProject(base, '2');
  const { app, counter } = countingServer(base);
  const path = `/m/012050/plans/${base.planId}/projects/${id}?fy=2020`;
  const headers: Record<string, string> = cookie ? { cookie } : {};
  expect((await app.request(path, { headers })).status).toBe(200); // the version's first
  counter.reset();
  expect((await app.request(path, { headers })).status).toBe(200);
  return { statements: counter.total(), rows: counter.rows() };
}

describe('a project page on a small plan and on one ten times larger', () => {
  let small: TestServer;
  let large: TestServer;
  beforeAll(async () => {
    small = await createTestServer('sqlite');
    large = await createTestServer('sqlite', { sampleTimes: 10 });
  }, 60_000);
  afterAll(async () => {
    await small?.close();
    await large?.close();
  });

  it('reads as much for the public', async () => {
    expect(await readsOf(large, null)).toEqual(await readsOf(small, null));
  });

  it('reads as much for a signed-in editor', async () => {
    const few = await readsOf(small, (await small.signIn(DEMO.industry)).cookie);
    const many = await readsOf(large, (await large.signIn(DEMO.industry)).cookie);
    expect(many).toEqual(few);
  });
});
