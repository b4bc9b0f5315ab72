import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app/app-context.ts';
import { databaseOf } from '../store/raw-database.ts';
import { statementCounter } from '../store/reads/statement-counter.ts';
import { storeModules } from '../store/store.ts';
import { readConfig } from './config.ts';
import { createServer } from './create-server.tsx';
import { createTestServer, DEMO, demoProject, type TestServer } from './test-server.ts';

/**
 * A project page reads what it shows, not the whole plan again and again: the number of SQL
 * statements it runs is the same on the sample (24 projects) and on a plan ten times larger.
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

async function statementsOf(base: TestServer, cookie: string | null): Promise<number> {
  const { id } = await demoProject(base, '2');
  const { app, counter } = countingServer(base);
  const path = `/m/012050/plans/${base.planId}/projects/${id}?fy=2020`;
  const res = await app.request(path, { headers: cookie ? { cookie } : {} });
  expect(res.status).toBe(200);
  return counter.total();
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

  it('runs as many statements for the public', async () => {
    const few = await statementsOf(small, null);
    const many = await statementsOf(large, null);
    console.log('public', few, many);
    expect(many).toBe(few);
  });

  it('runs as many statements for a signed-in editor', async () => {
    const few = await statementsOf(small, (await small.signIn(DEMO.industry)).cookie);
    const many = await statementsOf(large, (await large.signIn(DEMO.industry)).cookie);
    console.log('member', few, many);
    expect(many).toBe(few);
  });
});
